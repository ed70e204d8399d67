package io.trackingsystem.gateway.stats;

import io.trackingsystem.gateway.auth.BearerAuthentication;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The analytics API. Every request is authenticated by its access token and answered by the tracking-service for
 * the token's account; the gateway only forwards the query string and relays the answer. {@code /api/export}
 * streams its file piece by piece, {@code /api/live} is a server-sent event stream (see {@link LiveStream}).
 */
public final class StatsRoutes extends RouteBuilder {

    private static final String SERVICE = "service:tracking-service?operation=";

    private final Redis redis;
    private final int port;
    private final StatsConfig config;

    public StatsRoutes(Redis redis, int port, StatsConfig config) {
        this.redis = redis;
        this.port = port;
        this.config = config;
    }

    @Override
    public void configure() throws Exception {
        Processor bearer = BearerAuthentication.in(getContext());
        String timeout = "&timeout=" + config.queryTimeout().toMillis();

        rest("/api/stats")
                .get("/overview").to("direct:stats-overview")
                .get("/timeseries").to("direct:stats-timeseries")
                .get("/breakdown").to("direct:stats-breakdown")
                .get("/realtime").to("direct:stats-realtime")
                .get("/funnel").to("direct:stats-funnel")
                .get("/retention").to("direct:stats-retention");
        rest("/api/events").get().to("direct:stats-events");
        rest("/api/export").get().to("direct:stats-export");

        for (String operation : new String[]{"overview", "timeseries", "breakdown", "realtime", "funnel",
                "retention", "events"}) {
            from("direct:stats-" + operation).routeId("stats-" + operation)
                    .process(bearer)
                    .process(ForwardedQuery::asBody)
                    .to(SERVICE + operation + timeout);
        }

        from("direct:stats-export").routeId("stats-export")
                .process(bearer)
                .process(new CsvDownload(getContext().createProducerTemplate(), SERVICE + "export" + timeout));

        serveLiveStream();
    }

    /** The live stream is served straight from the HTTP server's router, once the server runs. */
    private void serveLiveStream() throws Exception {
        LiveStream live = new LiveStream(getContext(), new LiveFanout(redis), config);
        getContext().addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the router exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                        VertxPlatformHttpRouter.getRouterNameFromPort(port));
                live.install(router, router.vertx());
            }
        });
        getContext().addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                live.close();
            }
        }, true, true);
    }
}
