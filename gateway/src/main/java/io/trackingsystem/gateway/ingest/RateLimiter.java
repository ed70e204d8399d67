package io.trackingsystem.gateway.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key, in this gateway's memory: each key may send {@code perSecond} events per second on
 * average, in bursts of up to one second's worth. A request is admitted while its key's bucket is not empty and
 * may take it into debt, so a batch larger than the burst still gets through once, and the debt is repaid by
 * waiting. Replicas do not share buckets: N gateways admit up to N times the rate.
 */
final class RateLimiter {

    /** Past this many keys the buckets start afresh, so a flood of random keys cannot exhaust memory. */
    private static final int MAX_KEYS = 100_000;

    private final double perMilli;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond events per second per key; 0 admits everything */
    RateLimiter(int perSecond) {
        this.perMilli = perSecond / 1000.0;
        this.burst = perSecond;
    }

    /** Takes {@code events} tokens from the key's bucket: 0 when admitted, else the seconds to wait. */
    long admit(String apiKey, int events, long now) {
        if (perMilli == 0) {
            return 0;
        }
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(apiKey, key -> new Bucket(now)).take(events, now);
    }

    private final class Bucket {
        private double tokens = burst;
        private long updatedAt;

        Bucket(long now) {
            this.updatedAt = now;
        }

        synchronized long take(int events, long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = Math.max(updatedAt, now);
            if (tokens <= 0) {
                return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
            }
            tokens -= events;
            return 0;
        }
    }
}
