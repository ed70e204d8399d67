package io.trackingsystem.gateway.edge;

import io.trackingsystem.routes.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Refuses form and multipart bodies before the HTTP layer decodes them. No endpoint takes a form, and decoding one
 * is where hostile input hurts: a form sent with OPTIONS or GET failed with 500, an over-long form field dropped
 * the connection without an answer, and multipart parts are spooled to disk. Ingest answers keep allowing any
 * origin, as all its answers do.
 */
final class FormBodies implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        String media = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!media.startsWith("multipart/") && !media.startsWith("application/x-www-form-urlencoded")) {
            context.next();
            return;
        }
        String path = context.request().path();
        if (path != null && (path.equals(ApiCrossOrigin.INGEST_PATH) || path.startsWith("/v1/"))) {
            context.response().putHeader("Access-Control-Allow-Origin", "*");
        }
        Problem refused = Problem.of(400, "Bad Request", "The body must be JSON, not a form");
        context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(refused.toJson());
    }
}
