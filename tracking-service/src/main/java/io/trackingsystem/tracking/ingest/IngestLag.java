package io.trackingsystem.tracking.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.redis.StreamLag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this service's consumer group is behind on each ingest partition: its pending entries plus those not
 * delivered yet ({@link StreamLag}), shown at /observe/metrics as {@code tracking_ingest_lag{partition=...}}. The
 * lags are sampled at most every {@value #SAMPLE_MS} ms, by whichever read of the metrics finds them stale and
 * without waiting for the answer, so a scrape never blocks on Redis. A partition nothing was written to yet, and
 * a group not created yet, are 0 behind.
 */
final class IngestLag {

    static final long SAMPLE_MS = 1_000;
    static final String METRIC = "tracking.ingest.lag";

    private final Redis redis;
    private final Map<String, AtomicLong> lags = new LinkedHashMap<>();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile long sampledAt;

    IngestLag(Redis redis, List<String> partitions) {
        this.redis = redis;
        partitions.forEach(partition -> lags.put(partition, new AtomicLong()));
    }

    void bind(MeterRegistry registry) {
        lags.keySet().forEach(partition -> Gauge.builder(METRIC, this, lag -> lag.of(partition))
                .description("ingest entries this service's consumer group has not processed, per partition")
                .tag("partition", partition).register(registry));
    }

    /** The partition's last sampled lag; starts a new sample when it is stale. */
    double of(String partition) {
        long now = System.currentTimeMillis();
        if (now - sampledAt >= SAMPLE_MS && sampling.compareAndSet(false, true)) {
            sample().whenComplete((done, failure) -> {
                sampledAt = now;
                sampling.set(false);
            });
        }
        return lags.get(partition).get();
    }

    /** Reads every partition's lag; a failed read keeps that partition's last value. */
    CompletableFuture<Void> sample() {
        return CompletableFuture.allOf(lags.entrySet().stream()
                .map(entry -> lag(entry.getKey()).thenAccept(entry.getValue()::set).toCompletableFuture()
                        .exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new));
    }

    private CompletionStage<Long> lag(String partition) {
        return redis.async().xinfoGroups(partition)
                .thenCompose(groups -> {
                    List<Object> ours = groups.stream().filter(IngestLag::isOurs).toList();
                    Long reported = StreamLag.slowest(ours, null);
                    return reported != null ? CompletableFuture.completedFuture(reported)
                            : redis.async().xinfoStream(partition).thenApply(info -> StreamLag.slowest(ours, info));
                })
                .exceptionallyCompose(failure -> String.valueOf(failure.getMessage()).contains("no such key")
                        ? CompletableFuture.completedFuture(0L)
                        : CompletableFuture.failedFuture(failure));
    }

    private static boolean isOurs(Object group) {
        List<?> info = (List<?>) group;
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("name".equals(String.valueOf(info.get(i)))) {
                return IngestStream.GROUP.equals(String.valueOf(info.get(i + 1)));
            }
        }
        return false;
    }
}
