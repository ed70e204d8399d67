package io.trackingsystem.routes.messaging;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a service has a live instance. Each instance's request worker says so every {@link #BEAT}; callers look
 * before sending, so while no instance runs a request fails at once with 503 instead of waiting out its timeout
 * for a reply nobody will send.
 *
 * <p>Keys, owned by the service's request workers: {@link Messaging#aliveKey} expires {@link #ALIVE_TTL} after the
 * last beat of any instance, {@link Messaging#seenKey} {@link #SEEN_TTL} after it. A service is known to be down
 * only while the second exists and the first does not: a service that never ran, or has been gone for an hour,
 * is waited for as before.
 */
final class Presence {

    static final Duration BEAT = Duration.ofSeconds(1);
    /** Four beats: a worker busy claiming entries or a GC pause does not make an instance look dead. */
    static final Duration ALIVE_TTL = Duration.ofSeconds(4);
    static final Duration SEEN_TTL = Duration.ofHours(1);
    /** Callers read the keys at most this often, without ever waiting for the answer. */
    private static final long SAMPLE_MS = 250;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final String alive;
    private final String seen;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile boolean down;
    private volatile long sampledAt;

    Presence(RedisClusterAsyncCommands<String, String> redis, String service) {
        this.redis = redis;
        this.alive = Messaging.aliveKey(service);
        this.seen = Messaging.seenKey(service);
    }

    /** Says that {@code instanceId} is alive; failures are ignored, since a missed beat only delays callers. */
    void beat(String instanceId) {
        redis.set(alive, instanceId, SetArgs.Builder.px(ALIVE_TTL.toMillis()));
        redis.set(seen, instanceId, SetArgs.Builder.px(SEEN_TTL.toMillis()));
    }

    /** True while the service had a live instance within the hour but has none now, as last sampled. */
    boolean knownDown() {
        long now = System.currentTimeMillis();
        if (now - sampledAt >= SAMPLE_MS && sampling.compareAndSet(false, true)) {
            try {
                redis.mget(seen, alive).whenComplete((values, failure) -> {
                    if (failure == null) {
                        down = present(values, 0) && !present(values, 1);
                    }
                    sampledAt = now;
                    sampling.set(false);
                });
            } catch (RuntimeException e) {
                sampling.set(false);
            }
        }
        return down;
    }

    private static boolean present(List<KeyValue<String, String>> values, int index) {
        return values.size() > index && values.get(index).hasValue();
    }
}
