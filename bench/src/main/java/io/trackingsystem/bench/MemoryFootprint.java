package io.trackingsystem.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.storage.TrackingKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis memory of one account's stored events: {@code MEMORY USAGE ... SAMPLES 0} (exact) of every key of the
 * account, found by {@code SCAN}, summed by kind (the segment after the site, as in docs/data-model.md):
 * raw events ({@code raw}), roll-ups (totals, visitor HyperLogLogs and sets, breakdowns, property keys, minutes,
 * live) and the transient dedupe and session state ({@code dd}, {@code s}), each per stored event. The number of
 * stored events is the length of the raw event streams. Also prints {@code used_memory} and the ingest stream's
 * own size, which are not per-account.
 *
 * <p>Environment: {@code REDIS_URL}, {@code ACCOUNT}, {@code MEMORY_LABEL}.
 */
public final class MemoryFootprint {

    private static final Set<String> ROLLUPS = Set.of("t", "uh", "xh", "ud", "xd", "b", "bu", "pk", "m", "live");
    private static final Set<String> TRANSIENT = Set.of("dd", "s");
    private static final int PIPELINE = 500;

    private final RedisAsyncCommands<String, String> redis;
    private final Map<String, Long> bytesByKind = new TreeMap<>();
    private long keys;
    private long events;

    private MemoryFootprint(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        String label = env.string("MEMORY_LABEL", "data");
        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            MemoryFootprint footprint = new MemoryFootprint(redis.async());
            footprint.measure(TrackingKeys.of(env.string("ACCOUNT", "")).prefix() + ":");
            footprint.print(label, RedisInfo.usedMemory(redis.async()));
        }
    }

    private void measure(String prefix) throws Exception {
        ScanArgs match = ScanArgs.Builder.matches(escapeGlob(prefix) + "*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        List<String> batch = new ArrayList<>();
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match).get();
            batch.addAll(page.getKeys());
            if (batch.size() >= PIPELINE) {
                add(prefix, batch);
                batch.clear();
            }
            cursor = page;
        } while (!cursor.isFinished());
        add(prefix, batch);
    }

    private void add(String prefix, List<String> batch) throws Exception {
        List<RedisFuture<Long>> sizes = new ArrayList<>(batch.size());
        List<RedisFuture<Long>> lengths = new ArrayList<>();
        for (String key : batch) {
            sizes.add(RedisInfo.memoryUsageAsync(redis, key));
            if (kind(prefix, key).equals("raw")) {
                lengths.add(redis.xlen(key));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Long size = sizes.get(i).get();
            if (size != null) {
                bytesByKind.merge(kind(prefix, batch.get(i)), size, Long::sum);
                keys++;
            }
        }
        for (RedisFuture<Long> length : lengths) {
            events += length.get();
        }
    }

    private void print(String label, long usedMemory) throws Exception {
        long raw = bytesByKind.getOrDefault("raw", 0L);
        long rollups = sum(ROLLUPS);
        long transientState = sum(TRANSIENT);
        long other = bytesByKind.values().stream().mapToLong(Long::longValue).sum() - raw - rollups - transientState;
        double perEvent = Math.max(1, events);
        long stream = RedisInfo.memoryUsage(redis, IngestStream.KEY);
        Line.result("memory_" + label).add("events", events).add("keys", keys).add("raw_bytes", raw)
                .add("rollup_bytes", rollups).add("transient_bytes", transientState).add("other_bytes", other)
                .add("raw_per_event", raw / perEvent).add("rollups_per_event", rollups / perEvent)
                .add("transient_per_event", transientState / perEvent).add("used_memory", usedMemory)
                .add("ingest_stream_bytes", stream)
                .add("ingest_stream_length", redis.xlen(IngestStream.KEY).get()).print();
        Line kinds = Line.result("memory_" + label + "_kinds");
        bytesByKind.forEach(kinds::add);
        kinds.print();
    }

    private long sum(Set<String> kinds) {
        return kinds.stream().mapToLong(kind -> bytesByKind.getOrDefault(kind, 0L)).sum();
    }

    /** The segment after {@code <prefix>}: {@code raw}, {@code t}, {@code bu} ... */
    static String kind(String prefix, String key) {
        String rest = key.substring(prefix.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
