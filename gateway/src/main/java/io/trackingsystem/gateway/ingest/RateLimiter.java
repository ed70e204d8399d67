package io.trackingsystem.gateway.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per site, in this gateway's memory: each site may send {@code perSecond} events per second on
 * average, in bursts of up to one second's worth, however many of its keys it uses. A request is admitted while
 * the site's bucket is not empty and may take it into debt, so a batch larger than the burst still gets through
 * once, and the debt is repaid by waiting. Replicas do not share buckets: N gateways admit up to N times the rate.
 *
 * <p>Only sites whose key resolved get a bucket, so junk keys never reach it. Past {@link #MAX_SITES} buckets, the
 * full ones are forgotten: a full bucket is what a new one would be, so no site's debt is ever forgotten.
 */
final class RateLimiter {

    static final int MAX_SITES = 100_000;

    private final double perMilli;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond events per second per site; 0 admits everything */
    RateLimiter(int perSecond) {
        this.perMilli = perSecond / 1000.0;
        this.burst = perSecond;
    }

    /** Takes {@code events} tokens from the site's bucket: 0 when admitted, else the seconds to wait. */
    long admit(String site, int events, long now) {
        if (perMilli == 0) {
            return 0;
        }
        Bucket bucket = buckets.get(site);
        if (bucket == null) {
            if (buckets.size() >= MAX_SITES) {
                buckets.values().removeIf(idle -> idle.isFull(now));
            }
            bucket = buckets.computeIfAbsent(site, key -> new Bucket(now));
        }
        return bucket.take(events, now);
    }

    int sites() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = burst;
        private long updatedAt;

        Bucket(long now) {
            this.updatedAt = now;
        }

        synchronized long take(int events, long now) {
            refill(now);
            if (tokens <= 0) {
                return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
            }
            tokens -= events;
            return 0;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * perMilli);
            updatedAt = Math.max(updatedAt, now);
        }
    }
}
