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
    private final List<String> streams;
    private final long max;
    private final long siteMax;
    private final RecentAppends appends = new RecentAppends();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile long unprocessed;
    private volatile long processedUpTo;
    private volatile long sampledAt;

    /** @param siteMax the most unprocessed events one site may have, at most {@code max} */
    Backlog(RedisClusterAsyncCommands<String, String> redis, int partitions, long max, long siteMax) {
        this.redis = redis;
        this.streams = IngestStream.partitions(partitions);
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

    /**
     * Sums the unprocessed entries of every partition. Appends count as processed only up to the earliest
     * partition's slowest position, so a site's share is never underestimated.
     */
    private void sample(long now) {
        List<CompletableFuture<Lag>> lags = streams.stream().map(stream -> lag(stream).toCompletableFuture()).toList();
        CompletableFuture.allOf(lags.toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        List<Lag> all = lags.stream().map(CompletableFuture::join).toList();
                        unprocessed = all.stream().mapToLong(Lag::unprocessed).sum();
                        processedUpTo = all.stream().mapToLong(Lag::processedUpTo).min().orElse(0);
                    }
                    sampledAt = now;
                    sampling.set(false);
                });
    }

    /** One partition's backlog; a partition nothing was ever written to has none. */
    private CompletionStage<Lag> lag(String stream) {
        return redis.xinfoGroups(stream)
                .thenCompose(groups -> unprocessed(stream, groups)
                        .thenApply(count -> new Lag(count, StreamLag.slowestPosition(groups))))
                .exceptionallyCompose(failure -> String.valueOf(failure.getMessage()).contains("no such key")
                        ? CompletableFuture.completedFuture(new Lag(0, Long.MAX_VALUE))
                        : CompletableFuture.failedFuture(failure));
    }

    private CompletionStage<Long> unprocessed(String stream, List<Object> groups) {
        if (groups.isEmpty()) {
            return redis.xlen(stream);
        }
        Long reported = StreamLag.slowest(groups, null);
        if (reported != null) {
            return CompletableFuture.completedFuture(reported);
        }
        return redis.xinfoStream(stream).thenApply(info -> StreamLag.slowest(groups, info));
    }

    private record Lag(long unprocessed, long processedUpTo) {
    }
}
