package io.trackingsystem.users.tokens;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.UserKeys;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Publishes the public key under its id in {@link UserKeys#PUBLIC_KEYS}, where gateways fetch it to verify access
 * tokens locally. It is written before the first request is served and again every {@link #EVERY}, so a Redis
 * that lost its data learns it back within that time.
 */
final class PublicKeyPublisher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PublicKeyPublisher.class);
    private static final Duration EVERY = Duration.ofSeconds(15);

    private final Redis redis;
    private final SigningKey key;
    private final CamelContext context;
    private ScheduledExecutorService timer;

    PublicKeyPublisher(Redis redis, SigningKey key, CamelContext context) {
        this.redis = redis;
        this.key = key;
        this.context = context;
    }

    @Override
    protected void doStart() {
        publish();
        LOG.info("Access tokens are signed with key {}", key.keyId());
        timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "jwt-public-key");
        timer.scheduleWithFixedDelay(this::republish, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            context.getExecutorServiceManager().shutdown(timer);
            timer = null;
        }
    }

    private void publish() {
        await(redis.async().hset(UserKeys.PUBLIC_KEYS, key.keyId(), key.publicPem()));
    }

    private void republish() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.warn("Could not publish the public key: {}", e.toString());
        }
    }
}
