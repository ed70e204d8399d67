package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ApiKeyCache;
import org.apache.camel.builder.RouteBuilder;

/** Forgets a revoked API key on this gateway as soon as any service announces the revocation. */
final class ApiKeyRevocations extends RouteBuilder {

    private final ApiKeyCache keys;

    ApiKeyRevocations(ApiKeyCache keys) {
        this.keys = keys;
    }

    @Override
    public void configure() {
        from("broadcast:" + ApiKeyCache.REVOKED_CHANNEL)
                .routeId("api-key-revocations")
                .process(exchange -> keys.evict(exchange.getMessage().getBody(String.class)));
    }
}
