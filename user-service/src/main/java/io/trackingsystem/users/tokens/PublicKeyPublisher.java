package io.trackingsystem.users.tokens;

import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.trackingsystem.routes.contract.AccessTokenKeys;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Publishes this replica's public key under its id in {@link AccessTokenKeys#PUBLIC_KEYS}, where gateways fetch it
 * to verify access tokens locally. It is written before the first request is served and again every
 * {@link #EVERY}, so a Redis that lost its data learns it back within that time. Each publication also pushes the
 * key's {@link AccessTokenKeys#VALID_UNTIL} out to one token lifetime ahead, and removes the keys of replicas
 * gone for longer than that: no token they signed can still be valid.
 */
final class PublicKeyPublisher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PublicKeyPublisher.class);
    private static final Duration EVERY = Duration.ofSeconds(15);
    /** Beyond the token lifetime, for clocks that disagree and for a publication that came late. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    /**
     * Where an earlier release kept a generated signing key pair, private half included. Deleted at start, so the
     * private key is no longer at rest (its public half stays published until its tokens have expired).
     */
    private static final String LEGACY_KEY_PAIR = "auth:jwt:generated-key-pair";

    private final Redis redis;
    private final SigningKey key;
    private final Duration tokenLifetime;
    private final CamelContext context;
    private ScheduledExecutorService timer;

    PublicKeyPublisher(Redis redis, SigningKey key, Duration tokenLifetime, CamelContext context) {
        this.redis = redis;
        this.key = key;
        this.tokenLifetime = tokenLifetime;
        this.context = context;
    }

    @Override
    protected void doStart() {
        await(redis.async().del(LEGACY_KEY_PAIR));
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

    /**
     * Single-key commands only, each safe to repeat, so the two keys may live on different cluster nodes. A key
     * published without a validity (by an earlier release) is given one lifetime from now.
     */
    void publish() {
        long now = System.currentTimeMillis();
        long validUntil = now + tokenLifetime.plus(MARGIN).toMillis();
        await(redis.async().hset(AccessTokenKeys.PUBLIC_KEYS, key.keyId(), key.publicPem()));
        await(redis.async().zadd(AccessTokenKeys.VALID_UNTIL, ZAddArgs.Builder.gt(), validUntil, key.keyId()));
        Set<String> dated = await(redis.async().zrange(AccessTokenKeys.VALID_UNTIL, 0, -1)).stream()
                .collect(Collectors.toSet());
        for (String keyId : await(redis.async().hkeys(AccessTokenKeys.PUBLIC_KEYS))) {
            if (!dated.contains(keyId)) {
                await(redis.async().zadd(AccessTokenKeys.VALID_UNTIL, ZAddArgs.Builder.nx(), validUntil, keyId));
            }
        }
        List<ScoredValue<String>> expired = await(redis.async().zrangebyscoreWithScores(AccessTokenKeys.VALID_UNTIL,
                Range.create(Double.NEGATIVE_INFINITY, (double) now)));
        for (ScoredValue<String> gone : expired) {
            if (!gone.getValue().equals(key.keyId())) {
                await(redis.async().hdel(AccessTokenKeys.PUBLIC_KEYS, gone.getValue()));
                await(redis.async().zrem(AccessTokenKeys.VALID_UNTIL, gone.getValue()));
            }
        }
    }

    private void republish() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.warn("Could not publish the public key: {}", e.toString());
        }
    }
}
