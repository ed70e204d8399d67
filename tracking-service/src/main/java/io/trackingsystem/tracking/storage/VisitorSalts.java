package io.trackingsystem.tracking.storage;

import io.lettuce.core.SetArgs;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.legacy.LegacyKeys;
import io.trackingsystem.tracking.pipeline.AssignVisitor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The daily salts for temporary visitor ids, shared by all replicas through Redis: the first replica to need a
 * day's salt creates it (SET NX), everyone reads the winner. Salts expire after two days, which makes the ids
 * they produced untraceable.
 */
public final class VisitorSalts implements AssignVisitor.Salts {

    private static final long TTL_SECONDS = 2 * 86_400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Redis redis;
    private final Map<Long, String> cache = new ConcurrentHashMap<>();

    public VisitorSalts(Redis redis) {
        this.redis = redis;
    }

    @Override
    public String forDay(long epochDay) {
        String salt = cache.get(epochDay);
        if (salt == null) {
            salt = load(epochDay);
            cache.keySet().removeIf(day -> day < epochDay - 2);
            cache.put(epochDay, salt);
        }
        return salt;
    }

    private String load(long epochDay) {
        String key = LegacyKeys.visitorSalt(UtcDays.day(epochDay * UtcDays.DAY));
        byte[] fresh = new byte[24];
        RANDOM.nextBytes(fresh);
        try {
            redis.async().set(key, Base64.getEncoder().encodeToString(fresh), SetArgs.Builder.nx().ex(TTL_SECONDS))
                    .get(5, TimeUnit.SECONDS);
            String salt = redis.async().get(key).get(5, TimeUnit.SECONDS);
            if (salt == null) {
                throw new IllegalStateException("the visitor salt " + key + " vanished");
            }
            return salt;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the visitor salt", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the visitor salt: " + e.getMessage(), e);
        }
    }
}
