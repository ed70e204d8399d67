package io.trackingsystem.gateway;

import io.trackingsystem.gateway.access.ManagementRoutes;
import io.trackingsystem.gateway.auth.AuthConfig;
import io.trackingsystem.gateway.auth.AuthRoutes;
import io.trackingsystem.gateway.edge.EdgeRoutes;
import io.trackingsystem.gateway.geo.GeoConfig;
import io.trackingsystem.gateway.geo.Geolocator;
import io.trackingsystem.gateway.dashboard.DashboardRoutes;
import io.trackingsystem.gateway.ingest.IngestConfig;
import io.trackingsystem.gateway.ingest.IngestRoutes;
import io.trackingsystem.gateway.stats.StatsConfig;
import io.trackingsystem.gateway.stats.StatsRoutes;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.model.rest.RestBindingMode;

/** Assembles the gateway: every HTTP route of the product, by feature. */
public final class Gateway {

    private Gateway() {
    }

    public static CamelService create(Env env) {
        GatewayConfig config = GatewayConfig.from(env);
        Geolocator geolocator = Geolocator.of(GeoConfig.from(env));
        return CamelService.named("gateway", config.common())
                .httpPort(config.port(), config.maxBodyBytes())
                .httpWorkers(config.httpWorkers())
                .routes(redis -> restOverPlatformHttp(config.port()))
                .routes(redis -> new EdgeRoutes(config.port(), config.dashboardOrigin()))
                .routes(redis -> new AuthRoutes(AuthConfig.from(env)))
                .routes(redis -> new IngestRoutes(redis, IngestConfig.from(env), config.common().ingestPartitions(),
                        geolocator))
                .routes(redis -> new StatsRoutes(redis, config.port(), StatsConfig.from(env)))
                .routes(redis -> new ManagementRoutes())
                .routes(redis -> new UnknownApiRoutes())
                .routes(redis -> new DashboardRoutes());
    }

    /** REST DSL routes are served by the platform HTTP server and pass bodies through untouched. */
    private static RouteBuilder restOverPlatformHttp(int port) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getComponent("platform-http", PlatformHttpComponent.class)
                        .setHeaderFilterStrategy(new ResponseHeaderFilter());
                restConfiguration().component("platform-http").port(port).bindingMode(RestBindingMode.off)
                        .inlineRoutes(true);
            }
        };
    }
}
