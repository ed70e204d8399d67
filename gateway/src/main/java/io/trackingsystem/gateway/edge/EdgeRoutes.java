package io.trackingsystem.gateway.edge;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import java.util.Optional;

/**
 * Rules for every request, applied on the HTTP server's router ahead of every route, Camel's and the live stream's
 * alike, once the server runs: form bodies are refused ({@link FormBodies}), and the API answers only the
 * dashboard's origin across origins ({@link ApiCrossOrigin}). It declares no routes of its own.
 */
public final class EdgeRoutes extends RouteBuilder {

    /** Ahead of the live stream's handler, which is installed at order -1. */
    private static final int ORDER = -3;

    private final int port;
    private final Optional<String> dashboardOrigin;

    public EdgeRoutes(int port, Optional<String> dashboardOrigin) {
        this.port = port;
        this.dashboardOrigin = dashboardOrigin;
    }

    @Override
    public void configure() throws Exception {
        ApiCrossOrigin crossOrigin = new ApiCrossOrigin(dashboardOrigin);
        getContext().addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the router exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                        VertxPlatformHttpRouter.getRouterNameFromPort(port));
                router.routeWithRegex("/api(/.*)?").order(ORDER).handler(crossOrigin);
                router.route().order(ORDER + 1).handler(new FormBodies());
            }
        });
    }
}
