package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.gateway.geo.Geolocator;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.builder.RouteBuilder;

/**
 * The ingest edge: the tracker script, the native and the Segment-compatible APIs, and the settings Segment's
 * libraries load. Every accepted event is on the ingest stream before the sender hears back. All answers, errors
 * included, allow any origin.
 */
public final class IngestRoutes extends RouteBuilder {

    private final Redis redis;
    private final IngestConfig config;
    private final int partitions;
    private final Geolocator geolocator;

    /**
     * @param partitions how many ingest streams to spread sites over ({@code INGEST_PARTITIONS})
     * @param geolocator where events' addresses are looked up ({@code GEOIP_DATABASE})
     */
    public IngestRoutes(Redis redis, IngestConfig config, int partitions, Geolocator geolocator) {
        this.redis = redis;
        this.config = config;
        this.partitions = partitions;
        this.geolocator = geolocator;
    }

    @Override
    public void configure() throws Exception {
        ApiKeyCache keys = ApiKeyCache.in(getContext());
        Intake intake = new Intake(keys, new RateLimiter(config.rateLimitPerSecond()),
                new Backlog(redis.async(), partitions, config.maxBacklog(), config.maxSiteBacklog()), geolocator,
                new TemporaryVisitors(redis.async()),
                new StreamAppender(redis.async(), partitions, config.maxStreamLength()));
        getContext().addRoutes(new ApiKeyRevocations(keys));
        OversizeBodies.answerWithProblem(getContext());
        SegmentBodies.readAsJson(getContext());

        onCompletion().modeBeforeConsumer().process(CrossOrigin::allowAnyOrigin);

        from("platform-http:/t.js?httpMethodRestrict=GET,HEAD")
                .routeId("tracker-script")
                .process(new TrackerScript());

        from("platform-http:/api/events?httpMethodRestrict=POST")
                .routeId("ingest-native")
                .process(new IngestProcessor(intake, new NativeFormat(), config.trustedProxies()));

        IngestProcessor segment = new IngestProcessor(intake, new SegmentFormat(), config.trustedProxies());
        from("platform-http:/v1/{call}?httpMethodRestrict=POST")
                .routeId("ingest-segment")
                .process(segment);

        from("platform-http:/v1/{call}/?httpMethodRestrict=POST")
                .routeId("ingest-segment-trailing-slash")
                .process(segment);

        from("platform-http:/v1/projects/{" + SegmentSettings.KEY_HEADER + "}/settings?httpMethodRestrict=GET")
                .routeId("segment-settings")
                .process(new SegmentSettings(keys, config.trustedProxies()));

        from("platform-http:/api/events?httpMethodRestrict=OPTIONS")
                .routeId("ingest-native-preflight")
                .process(CrossOrigin::preflight);

        from("platform-http:/v1/{call}?httpMethodRestrict=OPTIONS")
                .routeId("ingest-segment-preflight")
                .process(CrossOrigin::preflight);
    }
}
