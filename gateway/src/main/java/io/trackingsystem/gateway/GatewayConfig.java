package io.trackingsystem.gateway;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;

import java.util.Optional;

/**
 * The gateway's settings.
 *
 * @param common          the settings every service shares
 * @param port            {@code PORT}, default 8080: dashboard, API and ingest
 * @param maxBodyBytes    {@code MAX_BODY_BYTES}, default 1048576: larger requests are refused with 413
 * @param dashboardOrigin {@code DASHBOARD_ORIGIN}: the one origin allowed to call the API cross-origin, if any
 * @param httpWorkers     {@code HTTP_WORKER_THREADS}, default 64: requests handled at once; each waits for Redis
 *                        on its own thread
 */
public record GatewayConfig(CommonConfig common, int port, long maxBodyBytes, Optional<String> dashboardOrigin,
                            int httpWorkers) {

    public static GatewayConfig from(Env env) {
        return new GatewayConfig(
                CommonConfig.from(env),
                env.integer("PORT", 8080),
                env.number("MAX_BODY_BYTES", 1_048_576),
                env.optional("DASHBOARD_ORIGIN"),
                env.integer("HTTP_WORKER_THREADS", 64));
    }
}
