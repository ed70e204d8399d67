package io.trackingsystem.gateway.edge;

import io.trackingsystem.routes.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the API from a browser page on another origin: only the dashboard's ({@code DASHBOARD_ORIGIN}).
 * Its requests get {@code Access-Control-Allow-Origin} with that origin, errors included, and its preflights are
 * answered. Other origins get no CORS headers, so browsers keep the answers from their scripts, and their
 * preflights are refused with 403. Ingest ({@code POST /api/events} and its preflight) is left to the ingest
 * routes, which allow any origin.
 */
final class ApiCrossOrigin implements Handler<RoutingContext> {

    static final String INGEST_PATH = "/api/events";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";

    private final Optional<String> dashboardOrigin;

    ApiCrossOrigin(Optional<String> dashboardOrigin) {
        this.dashboardOrigin = dashboardOrigin.map(ApiCrossOrigin::normalise);
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (isIngest(request)) {
            context.next();
            return;
        }
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && dashboardOrigin.isPresent()
                && dashboardOrigin.get().equals(normalise(origin));
        HttpServerResponse response = context.response();
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(REQUEST_METHOD) != null) {
            answerPreflight(response, allowed ? origin : null);
            return;
        }
        if (dashboardOrigin.isPresent()) {
            context.addHeadersEndHandler(ignored -> {
                response.putHeader("Vary", "Origin");
                if (allowed) {
                    response.putHeader("Access-Control-Allow-Origin", origin)
                            .putHeader("Access-Control-Expose-Headers", "Retry-After, Content-Disposition");
                }
            });
        }
        context.next();
    }

    private static void answerPreflight(HttpServerResponse response, String allowedOrigin) {
        response.putHeader("Vary", "Origin");
        if (allowedOrigin == null) {
            Problem refused = Problem.of(403, "Forbidden", "This origin may not call the API");
            response.setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE).end(refused.toJson());
            return;
        }
        response.setStatusCode(204)
                .putHeader("Access-Control-Allow-Origin", allowedOrigin)
                .putHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE")
                .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Share-Password")
                .putHeader("Access-Control-Max-Age", "600")
                .end();
    }

    /** Posting events, or asking whether one may: any origin may, and the ingest routes answer it. */
    private static boolean isIngest(HttpServerRequest request) {
        if (!INGEST_PATH.equals(request.path())) {
            return false;
        }
        String preflightFor = request.getHeader(REQUEST_METHOD);
        return request.method() == HttpMethod.POST
                || request.method() == HttpMethod.OPTIONS && (preflightFor == null || "POST".equals(preflightFor));
    }

    /** Origins compare by scheme, host and port, which are case-insensitive; a configured trailing slash is no part. */
    private static String normalise(String origin) {
        String trimmed = origin.strip();
        return (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
