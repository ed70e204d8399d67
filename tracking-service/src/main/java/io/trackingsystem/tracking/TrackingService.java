package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;

/** Assembles the tracking-service: event processing and analytics queries. */
public final class TrackingService {

    private TrackingService() {
    }

    public static CamelService create(Env env) {
        return CamelService.named("tracking-service", CommonConfig.from(env));
    }
}
