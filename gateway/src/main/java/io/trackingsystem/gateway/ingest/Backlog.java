package io.trackingsystem.gateway.ingest;

import io.lettuce.core.api.async.RedisAsyncCommands;
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
 */
final class Backlog {

    static final long SAMPLE_MS = 100;

    private final RedisAsyncCommands<String, String> redis;
    private final long max;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile long unprocessed;
    private volatile long sampledAt;

    Backlog(RedisAsyncCommands<String, String> redis, long max) {
        this.redis = redis;
        this.max = max;
    }

    boolean exceeded() {
        long now = System.currentTimeMillis();
        if (now - sampledAt >= SAMPLE_MS && sampling.compareAndSet(false, true)) {
            sample(now);
        }
        return unprocessed > max;
    }

    private void sample(long now) {
        redis.xinfoGroups(IngestStream.KEY)
                .thenCompose(this::unprocessed)
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
