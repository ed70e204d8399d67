package io.trackingsystem.tracking.ingest;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import org.apache.camel.builder.RouteBuilder;

/**
 * Event processing as part of the service's Camel context: the ingest workers start and stop with it, and the
 * processing counters are in its registry as {@value #METRICS}.
 */
public final class IngestRoutes extends RouteBuilder {

    public static final String METRICS = "trackingProcessingMetrics";

    private final Redis redis;
    private final TrackingConfig config;

    public IngestRoutes(Redis redis, TrackingConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    public void configure() throws Exception {
        ProcessingMetrics metrics = new ProcessingMetrics();
        bindToRegistry(METRICS, metrics);
        IngestWorkers workers = new IngestWorkers(redis, config, metrics);
        workers.setCamelContext(getContext());
        getContext().addService(workers, true, true);
    }
}
