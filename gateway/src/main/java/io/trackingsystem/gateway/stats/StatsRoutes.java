package io.trackingsystem.gateway.stats;

import io.trackingsystem.gateway.access.AccessDirectory;
import io.trackingsystem.gateway.access.ShareAccess;
import io.trackingsystem.gateway.access.SiteAccess;
import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.routes.contract.Channels;
import io.trackingsystem.routes.contract.Targets;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

import java.util.List;

import static io.trackingsystem.routes.contract.Operations.*;

/**
 * The analytics API. Every request is authorised for one site ({@link SiteAccess}: a member's token or the site's
 * stats key; {@link ShareAccess} for {@code /api/share/{token}/stats/*}) and answered by the tracking-service for
 * that site alone; the gateway only forwards the query string and relays the answer. {@code /api/export}
 * streams its file piece by piece, {@code /api/live} is a server-sent event stream (see {@link LiveStream}).
 */
public final class StatsRoutes extends RouteBuilder {

    /** What a share link may read: the dashboard's figures, not the raw events, their export or the live feed. */
    private static final List<String> SHARED = List.of(OVERVIEW, TIMESERIES, BREAKDOWN, REALTIME, FUNNEL,
            RETENTION, DIMENSIONS);

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
        Processor siteAccess = SiteAccess.in(getContext());
        Processor shareAccess = ShareAccess.in(getContext());
        String timeout = "&timeout=" + config.queryTimeout().toMillis();

        rest("/api/stats")
                .get("/overview").to("direct:stats-overview")
                .get("/timeseries").to("direct:stats-timeseries")
                .get("/breakdown").to("direct:stats-breakdown")
                .get("/realtime").to("direct:stats-realtime")
                .get("/funnel").to("direct:stats-funnel")
                .get("/retention").to("direct:stats-retention")
                .get("/dimensions").to("direct:stats-dimensions")
                .get("/ingest").to("direct:stats-ingest");
        rest("/api/events").get().to("direct:stats-events");
        rest("/api/export").get().to("direct:stats-export");

        for (String operation : SHARED) {
            rest("/api/share/{token}").get("/stats/" + operation).to("direct:share-" + operation);
        }
        rest("/api/share/{token}").get().to("direct:share-show");

        for (String operation : new String[]{OVERVIEW, TIMESERIES, BREAKDOWN, REALTIME, FUNNEL, RETENTION, EVENTS,
                DIMENSIONS, INGEST}) {
            from("direct:stats-" + operation).routeId("stats-" + operation)
                    .process(siteAccess)
                    .process(ForwardedQuery::asBody)
                    .to(trackingService(operation) + timeout);
        }
        for (String operation : SHARED) {
            from("direct:share-" + operation).routeId("share-" + operation)
                    .process(shareAccess)
                    .process(ForwardedQuery::asBody)
                    .to(trackingService(operation) + timeout);
        }
        from("direct:share-show").routeId("share-show")
                .process(shareAccess)
                .process(exchange -> exchange.getMessage().setHeader(Targets.TOKEN,
                        ShareAccess.tokenOf(exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class))))
                .to(userService(SHOW_SHARE) + SEALED);

        from("direct:stats-export").routeId("stats-export")
                .process(siteAccess)
                .process(new CsvDownload(getContext().createProducerTemplate(), trackingService(EXPORT) + timeout));

        LiveStream live = serveLiveStream();

        // A change of access drops what this gateway cached about it, then re-checks the open live streams.
        from("broadcast:" + Channels.ACCESS_CHANGED).routeId("access-changed")
                .process(exchange -> AccessDirectory.in(getContext())
                        .changed(exchange.getMessage().getBody(String.class)))
                .process(exchange -> live.recheck(false));
        ApiKeyCache.in(getContext()).whenEvicted(() -> live.recheck(false));
    }

    /** The live stream is served straight from the HTTP server's router, once the server runs. */
    private LiveStream serveLiveStream() throws Exception {
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
        return live;
    }
}
