package io.trackingsystem.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.storage.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis memory of one site's stored events: {@code MEMORY USAGE ... SAMPLES 0} (exact) of every key of the site,
 * found by {@code SCAN}, summed by kind (as in docs/data-model.md): the events themselves (sealed segments
 * {@code seg}, pending blocks {@code p}, the manifest {@code m}), the transient dedupe fingerprints ({@code fp};
 * {@code dd} as the upgrade copied them) and the rest (ingest counts, leases), each per stored event. Also prints
 * {@code used_memory} and the ingest stream's own size, which are not per-site.
 *
 * <p>Environment: {@code REDIS_URL}, {@code ACCOUNT} (the site), {@code MEMORY_LABEL}.
 */
public final class MemoryFootprint {

    private static final Set<String> STORED = Set.of("seg", "p", "m");
    private static final Set<String> TRANSIENT = Set.of("fp", "dd");
    private static final int PIPELINE = 500;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final Map<String, Long> bytesByKind = new TreeMap<>();
    private long keys;
    private long events;

    private MemoryFootprint(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        String label = env.string("MEMORY_LABEL", "data");
        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            String site = env.string("ACCOUNT", "");
            MemoryFootprint footprint = new MemoryFootprint(redis.async());
            footprint.events = Snapshot.storedEvents(redis, site);
            footprint.measure("{s:" + site + "}:");
            footprint.measure("seg:" + site + ":");
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
        for (String key : batch) {
            sizes.add(RedisInfo.memoryUsageAsync(redis, key));
        }
        for (int i = 0; i < batch.size(); i++) {
            Long size = sizes.get(i).get();
            if (size != null) {
                bytesByKind.merge(kind(prefix, batch.get(i)), size, Long::sum);
                keys++;
            }
        }
    }

    private void print(String label, long usedMemory) throws Exception {
        long stored = sum(STORED);
        long transientState = sum(TRANSIENT);
        long all = bytesByKind.values().stream().mapToLong(Long::longValue).sum();
        long other = all - stored - transientState;
        double perEvent = Math.max(1, events);
        long stream = RedisInfo.memoryUsage(redis, IngestStream.KEY);
        Line.result("memory_" + label).add("events", events).add("keys", keys).add("stored_bytes", stored)
                .add("transient_bytes", transientState).add("other_bytes", other)
                .add("stored_per_event", stored / perEvent).add("transient_per_event", transientState / perEvent)
                .add("all_per_event", all / perEvent).add("used_memory", usedMemory)
                .add("ingest_stream_bytes", stream)
                .add("ingest_stream_length", redis.xlen(IngestStream.KEY).get()).print();
        Line kinds = Line.result("memory_" + label + "_kinds");
        bytesByKind.forEach(kinds::add);
        kinds.print();
    }

    private long sum(Set<String> kinds) {
        return kinds.stream().mapToLong(kind -> bytesByKind.getOrDefault(kind, 0L)).sum();
    }

    /** {@code seg} for a segment, else the part after the site's tag: {@code p}, {@code m}, {@code dd} ... */
    static String kind(String prefix, String key) {
        if (prefix.startsWith("seg:")) {
            return "seg";
        }
        String rest = key.substring(prefix.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
