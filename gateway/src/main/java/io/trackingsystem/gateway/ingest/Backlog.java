package io.trackingsystem.gateway.ingest;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells whether the tracking-service has fallen too far behind, so ingest can refuse work instead of letting the
 * stream grow without bound. The backlog is sampled at most every {@value #SAMPLE_MS} ms, by whichever request
 * finds the sample stale, without waiting for the answer: requests only ever read a number.
 *
 * <p>The backlog is what the slowest consumer group has not processed yet (see {@link StreamLag}); without any
 * group it is the stream's length. Processed entries stay on the stream until MAXLEN trims them, so the length
 * alone would not do.
 *
 * <p>No site may hold more than its share of the limit: {@link #exceededBy} refuses a site whose part of the
 * backlog, estimated from {@link RecentAppends}, is over {@code siteMax}, so one site flooding ingest (a tracker
 * key is public) cannot make it refuse every other site.
 */
final class Backlog {

    static final long SAMPLE_MS = 100;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final long max;
    private final long siteMax;
    private final RecentAppends appends = new RecentAppends();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile long unprocessed;
    private volatile long processedUpTo;
    private volatile long sampledAt;

    /** @param siteMax the most unprocessed events one site may have, at most {@code max} */
    Backlog(RedisClusterAsyncCommands<String, String> redis, long max, long siteMax) {
        this.redis = redis;
        this.max = max;
        this.siteMax = siteMax;
    }

    boolean exceeded() {
        long now = System.currentTimeMillis();
        if (now - sampledAt >= SAMPLE_MS && sampling.compareAndSet(false, true)) {
            sample(now);
        }
        return unprocessed > max;
    }

    /** Whether {@code site}'s part of the backlog is over its share; call after {@link #exceeded}. */
    boolean exceededBy(String site, long now) {
        long total = unprocessed;
        return total > siteMax && appends.share(site, processedUpTo, now) * total > siteMax;
    }

    void appending(String site, int events, long now) {
        appends.add(site, events, now);
    }

    private void sample(long now) {
        redis.xinfoGroups(IngestStream.KEY)
                .thenCompose(groups -> {
                    processedUpTo = StreamLag.slowestPosition(groups);
                    return unprocessed(groups);
                })
                .whenComplete((count, failure) -> {
                    if (failure == null) {
                        unprocessed = count;
                    } else if (String.valueOf(failure.getMessage()).contains("no such key")) {
                        unprocessed = 0;
                    }
                    sampledAt = now;
                    sampling.set(false);
                });
    }

    private CompletionStage<Long> unprocessed(List<Object> groups) {
        if (groups.isEmpty()) {
            return redis.xlen(IngestStream.KEY);
        }
        Long reported = StreamLag.slowest(groups, null);
        if (reported != null) {
            return CompletableFuture.completedFuture(reported);
        }
        return redis.xinfoStream(IngestStream.KEY).thenApply(stream -> StreamLag.slowest(groups, stream));
    }
}
