package io.trackingsystem.gateway.cors;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.util.Optional;

/**
 * Installs {@link ApiCrossOrigin} on the HTTP server's router ahead of every API route, Camel's and the live
 * stream's alike, once the server runs. It declares no routes of its own.
 */
public final class ApiCrossOriginRoutes extends RouteBuilder {

    /** Ahead of the live stream's handler, which is installed at order -1. */
    private static final int ORDER = -2;

    private final int port;
    private final Optional<String> dashboardOrigin;

    public ApiCrossOriginRoutes(int port, Optional<String> dashboardOrigin) {
        this.port = port;
        this.dashboardOrigin = dashboardOrigin;
    }

    @Override
    public void configure() throws Exception {
        ApiCrossOrigin handler = new ApiCrossOrigin(dashboardOrigin);
        getContext().addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the router exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                        .routeWithRegex("/api(/.*)?").order(ORDER).handler(handler);
            }
        });
    }
}
