package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.Problem;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Bodies over the HTTP server's limit ({@code MAX_BODY_BYTES}) are refused by Vert.x before any route runs, with a
 * plain-text 413. This answers them with the problem shape instead, on every HTTP server of the context. Camel's
 * routes live in a sub-router, whose failures are handled by the server's root router, so the handler goes there.
 */
final class OversizeBodies {

    private OversizeBodies() {
    }

    static void answerWithProblem(CamelContext context) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> started.getRegistry()
                .findByType(VertxPlatformHttpRouter.class)
                .forEach(OversizeBodies::install));
    }

    private static void install(VertxPlatformHttpRouter camelRouter) {
        HttpServer server = camelRouter.getServer().getServer();
        if (server != null && server.requestHandler() instanceof Router root) {
            root.errorHandler(413, OversizeBodies::answer);
        }
    }

    private static void answer(RoutingContext routing) {
        var response = routing.response();
        if (response.headWritten()) {
            return;
        }
        Problem problem = Problem.of(413, "Payload Too Large", "The body is larger than this server accepts");
        String path = routing.request().path();
        if (path != null && (path.startsWith("/api/events") || path.startsWith("/v1/"))) {
            response.putHeader(CrossOrigin.ALLOW_ORIGIN, "*");
        }
        if (path != null && path.startsWith("/v1/")) {
            problem = SegmentFormat.withCodeAndMessage(problem);
        }
        response.setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.toJson());
    }
}
