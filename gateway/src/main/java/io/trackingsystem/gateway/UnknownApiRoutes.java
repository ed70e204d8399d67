package io.trackingsystem.gateway;

import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * API paths no route claims, with any method, answer a problem+json 404 rather than an empty Vert.x page.
 * Prefix routes rank after exact ones, so these only catch what nothing else matched.
 */
final class UnknownApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        for (String prefix : new String[] {"/api", "/v1"}) {
            from("platform-http:" + prefix + "?matchOnUriPrefix=true")
                    .routeId("unknown-api" + prefix.replace('/', '-'))
                    .process(UnknownApiRoutes::notFound);
        }
    }

    private static void notFound(Exchange exchange) {
        var message = exchange.getMessage();
        throw ProblemException.notFound("No API answers " + message.getHeader(Exchange.HTTP_METHOD) + " "
                + message.getHeader(Exchange.HTTP_URI));
    }
}
