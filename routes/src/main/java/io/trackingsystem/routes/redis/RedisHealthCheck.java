package io.trackingsystem.routes.redis;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Readiness: the service can serve only while Redis answers PING. */
public final class RedisHealthCheck extends AbstractHealthCheck {

    private final Redis redis;

    public RedisHealthCheck(Redis redis) {
        super("tracking-system", "redis");
        this.redis = redis;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            String pong = redis.async().ping().get(2, TimeUnit.SECONDS);
            if ("PONG".equals(pong)) {
                builder.up();
            } else {
                builder.down().message("unexpected PING answer");
            }
        } catch (Exception e) {
            builder.down().message("Redis unreachable: " + e.getClass().getSimpleName());
        }
    }
}
