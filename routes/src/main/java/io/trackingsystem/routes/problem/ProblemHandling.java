package io.trackingsystem.routes.problem;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The single place where failures become responses. As a route configuration it applies to every route in the
 * context, so no route declares its own error handling.
 */
public final class ProblemHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Throwable.class)
                .handled(true)
                .process(Problems::handle);
    }
}
