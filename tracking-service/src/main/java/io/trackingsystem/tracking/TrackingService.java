package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.tracking.ingest.IngestRoutes;
import io.trackingsystem.tracking.stats.StatsRoutes;

/** Assembles the tracking-service: event processing and analytics queries. */
public final class TrackingService {

    private TrackingService() {
    }

    public static CamelService create(Env env) {
        TrackingConfig config = TrackingConfig.from(env);
        return CamelService.named("tracking-service", config.common())
                .routes(redis -> new IngestRoutes(redis, config))
                .routes(redis -> new StatsRoutes(redis, config));
    }
}
