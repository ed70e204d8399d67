package io.trackingsystem.bench;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gives an account a history: appends {@code SEED_EVENTS} events spread over the last {@code SEED_DAYS} UTC days
 * (today so far included) to the
 * ingest stream, exactly as the gateway writes them, and waits until the running tracking-service has counted
 * them all. So the data is built by the real processing code, and the time it takes is a processing figure too.
 *
 * <p>Appends are pipelined 1,000 at a time and trimmed like the gateway's ({@code MAXLEN ~ 1000000}); appending
 * pauses while more than {@code SEED_MAX_BACKLOG} entries wait, so trimming never reaches an unprocessed entry.
 * Each seeding uses its own visitors ({@code SEED_VISITOR_PREFIX}, {@code SEED_VISITORS}, default one per 20
 * events), because a visitor's earlier visits cannot arrive after its later ones on a live site.
 *
 * <p>Environment: {@code REDIS_URL}, {@code ACCOUNT}, {@code SEED_EVENTS}, {@code SEED_LABEL} (names the result),
 * {@code SEED_DAYS} (30), {@code SEED_MAX_BACKLOG} (200000), {@code SEED_STALL_SECONDS} (120).
 */
public final class Seed {

    private static final long DAY = 86_400_000L;
    private static final int PIPELINE = 1000;
    private static final long STREAM_MAX_LENGTH = 1_000_000;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final String account;
    private final long maxBacklog;
    private final XAddArgs trimmed = XAddArgs.Builder.maxlen(STREAM_MAX_LENGTH).approximateTrimming();
    private final List<String> buffer = new ArrayList<>(PIPELINE);
    private long appended;

    private final Counted counted;

    private Seed(Redis connection, String account, long maxBacklog) {
        this.redis = connection.async();
        this.counted = new Counted(connection, account);
        this.account = account;
        this.maxBacklog = maxBacklog;
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        long events = env.number("SEED_EVENTS", 1_000_000);
        int days = env.integer("SEED_DAYS", 30);
        String visitorPrefix = env.string("SEED_VISITOR_PREFIX", "v-");
        // a seed of its own per seeding, so event ids never repeat and nothing is dropped as a duplicate
        Workload workload = new Workload(Objects.hash(visitorPrefix, events, System.nanoTime()), visitorPrefix,
                env.integer("SEED_VISITORS", (int) Math.max(1000, events / 20)));
        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            Seed seed = new Seed(redis, env.string("ACCOUNT", ""), env.number("SEED_MAX_BACKLOG", 200_000));
            seed.run(workload, events, days, env.string("SEED_LABEL", String.valueOf(events)),
                    Duration.ofSeconds(env.integer("SEED_STALL_SECONDS", 120)));
        }
    }

    private void run(Workload workload, long events, int days, String label, Duration stall) throws Exception {
        long now = System.currentTimeMillis();
        long from = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        long before = counted.events();
        long memoryBefore = RedisInfo.usedMemory(redis);
        long streamBefore = RedisInfo.memoryUsage(redis, IngestStream.KEY);
        double cpuBefore = RedisInfo.cpuSeconds(redis);
        long start = System.nanoTime();
        workload.history(events, from, now, event -> append(event.canonicalJson()));
        flush();
        double appendSeconds = (System.nanoTime() - start) / 1e9;

        long processed = 0;
        long progressAt = System.nanoTime();
        while (processed < events && System.nanoTime() - progressAt < stall.toNanos()) {
            Thread.sleep(100);
            long counts = counted.events() - before;
            if (counts > processed) {
                processed = counts;
                progressAt = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Line.result("seed_" + label).add("events", events).add("processed", processed)
                .add("complete", processed >= events ? "yes" : "no").add("seconds", seconds)
                .add("events_per_s", processed / seconds).add("append_seconds", appendSeconds)
                .add("redis_cpu_us_per_event", (RedisInfo.cpuSeconds(redis) - cpuBefore) * 1e6 / Math.max(1, processed))
                .add("used_memory_before", memoryBefore).add("used_memory_after", RedisInfo.usedMemory(redis))
                .add("ingest_stream_bytes_before", streamBefore)
                .add("ingest_stream_bytes_after", RedisInfo.memoryUsage(redis, IngestStream.KEY)).print();
    }

    private void append(String event) {
        buffer.add(event);
        if (buffer.size() == PIPELINE) {
            flush();
        }
    }

    private void flush() {
        try {
            List<RedisFuture<String>> writes = new ArrayList<>(buffer.size());
            for (String event : buffer) {
                writes.add(redis.xadd(IngestStream.KEY, trimmed, IngestStream.SITE, account, IngestStream.EVENT, event));
            }
            if (!LettuceFutures.awaitAll(Duration.ofSeconds(30), writes.toArray(RedisFuture[]::new))) {
                throw new IllegalStateException("Redis did not accept the appends within 30 s");
            }
            appended += buffer.size();
            buffer.clear();
            if (appended % 50_000 < PIPELINE) {
                while (Backlog.of(redis).unprocessed() > maxBacklog) {
                    Thread.sleep(100);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding stopped after " + appended + " events", e);
        }
    }
}
