package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.contract.VisitorSalt;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.pipeline.AssignVisitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The daily salts for the temporary visitor ids of entries that still carry the visitor's address (see
 * {@link VisitorSalt}), kept once read: a day's salt never changes.
 */
public final class VisitorSalts implements AssignVisitor.Salts {

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
        try {
            return VisitorSalt.forDay(redis.async(), epochDay).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the visitor salt", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the visitor salt: " + e.getMessage(), e);
        }
    }
}
