package io.trackingsystem.gateway.dashboard;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Serves the React dashboard from the classpath. Paths the API does not claim fall back to {@code index.html},
 * so client-side routes survive a reload.
 */
public final class DashboardRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD")
                .routeId("dashboard")
                .process(new StaticFiles("dashboard"))
                .process(SecurityHeaders::dashboard);
    }

    /** Headers every dashboard page carries. */
    static final class SecurityHeaders {
        private SecurityHeaders() {
        }

        static void dashboard(Exchange exchange) {
            var message = exchange.getMessage();
            message.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            message.setHeader("X-Content-Type-Options", "nosniff");
            message.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            message.setHeader("X-Frame-Options", "DENY");
        }
    }
}
