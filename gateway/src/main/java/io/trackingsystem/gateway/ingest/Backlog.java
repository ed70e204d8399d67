package io.trackingsystem.gateway.ingest;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.StreamLag;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * backlog, estimated from {@link RecentAppends}, has reached {@code siteMax}, so one site flooding ingest (a tracker
 * key is public) cannot make it refuse every other site.
 *
 * <p>Between samples, the events this gateway admitted since are added to it, so one gateway taking a flood cannot
 * overshoot a limit by what arrives within a sample's age: the sample is taken less the appends Redis had answered
 * when it was asked for (those are in it), plus every append admitted since, answered or not. So the estimate is
 * never below the stream, and above it by at most the appends in flight around a sample. What other gateways
 * appended shows in the next sample.
 */
final class Backlog {

    static final long SAMPLE_MS = 100;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final List<String> streams;
    private final long max;
    private final long siteMax;
    private final RecentAppends appends = new RecentAppends();
    private final AtomicBoolean sampling = new AtomicBoolean();
    /** Events this gateway admitted for appending, ever. */
    private final AtomicLong admitted = new AtomicLong();
    /** Events of those whose append Redis has answered (or that failed before it), ever. */
    private final AtomicLong settled = new AtomicLong();
    /** The last sample's backlog, less the appends settled when it was asked for. */
    private volatile long sampledLessSettled;
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
        return estimate() > max;
    }

    /** The last sample plus what this gateway admitted since it was asked for. */
    private long estimate() {
        return sampledLessSettled + admitted.get();
    }

    /** Whether {@code site}'s part of the backlog has reached its share; call after {@link #exceeded}. */
    boolean exceededBy(String site, long now) {
        long total = estimate();
        return total >= siteMax && Math.round(appends.share(site, processedUpTo, now) * total) >= siteMax;
    }

    void appending(String site, int events, long now) {
        appends.add(site, events, now);
        admitted.addAndGet(events);
    }

    /** The append of events passed to {@link #appending} has been answered, or failed. */
    void settled(int events) {
        settled.addAndGet(events);
    }

    /**
     * Sums the unprocessed entries of every partition. Appends count as processed only up to the earliest
     * partition's slowest position, so a site's share is never underestimated.
     */
    private void sample(long now) {
        long settledBefore = settled.get();
        List<CompletableFuture<Lag>> lags = streams.stream().map(stream -> lag(stream).toCompletableFuture()).toList();
        CompletableFuture.allOf(lags.toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        List<Lag> all = lags.stream().map(CompletableFuture::join).toList();
                        sampledLessSettled = all.stream().mapToLong(Lag::unprocessed).sum() - settledBefore;
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
