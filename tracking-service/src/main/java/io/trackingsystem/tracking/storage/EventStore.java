package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.contract.IngestCounts;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.StoredEvent;
import io.trackingsystem.tracking.pipeline.Event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The store step: appends batches of a site's events as pending blocks, exactly once. Per batch it reads the
 * buckets of the dedupe generations' {@link FingerprintTable}s that its events' fingerprints fall in; when some are
 * there already (a redelivery) the batch is written again without them. Otherwise one call of {@code store.lua}
 * checks that neither table changed since it was read, writes the batch's buckets (its fingerprints claimed) and
 * appends one block per UTC day, all in one atomic step; when a table did change (another batch of the site came
 * first), it writes nothing and the batch is read and sent again. Nothing is read or counted here: visits, sources
 * and every figure are derived when the events are read, so the order and batching of arrival change nothing.
 * Batches of different sites go to Redis side by side.
 */
public final class EventStore {

    /** Most events per batch: bounds the script's arguments and the time one call blocks Redis. */
    public static final int MAX_EVENTS = 2000;
    /**
     * Rounds a batch may take: each finds duplicates, or finds that another batch of the site changed its table
     * meanwhile (replicas storing the same site at once). After that the batch fails and its entries stay pending.
     */
    private static final int MAX_ATTEMPTS = 40;
    /** The most a round waits before the next, so that replicas taking turns at one site fall out of step. */
    private static final long MAX_BACK_OFF_MILLIS = 20;
    private static final long TIMEOUT_SECONDS = 30;
    private static final long DAY = 86_400_000L;
    private static final LuaScript STORE = LuaScript.named("store.lua");

    /** One site's events, at most {@link #MAX_EVENTS}. */
    public record Batch(String site, List<Event> events) {
        public Batch {
            if (events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException("at most " + MAX_EVENTS + " events per batch, got " + events.size());
            }
        }
    }

    /**
     * The outcome of a batch: which events were duplicates (not stored again), whether the rest were refused because
     * the site passed its bytes of the day ({@code overQuota}; nothing stored), or the failure.
     */
    public record Stored(Batch batch, boolean[] duplicate, boolean overQuota, Exception failure) {
        public boolean ok() {
            return failure == null;
        }

        /** Events neither duplicates nor refused: the ones now stored. */
        public int stored() {
            return overQuota ? 0 : batch.events().size() - duplicates();
        }

        public int duplicates() {
            int count = 0;
            for (boolean d : duplicate) {
                if (d) {
                    count++;
                }
            }
            return count;
        }
    }

    private final Redis redis;
    private final TrackingConfig config;
    private final Clock clock;
    private final CompactionQueue queue;

    public EventStore(Redis redis, TrackingConfig config) {
        this(redis, config, Clock.systemUTC());
    }

    EventStore(Redis redis, TrackingConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
        this.queue = new CompactionQueue(redis, config.compactionDelay());
    }

    /** Stores the batches and waits; one outcome per batch, in order. */
    public List<Stored> store(List<Batch> batches) {
        List<Attempt> attempts = batches.stream().map(Attempt::new).toList();
        List<Attempt> pending = attempts;
        for (int round = 0; round < MAX_ATTEMPTS && !pending.isEmpty(); round++) {
            if (round > 0) {
                backOff(round);
            }
            long now = clock.millis();
            pending.forEach(attempt -> attempt.send(now));
            pending = pending.stream().filter(Attempt::again).toList();
        }
        pending.forEach(attempt -> attempt.failure = new IllegalStateException(
                "the site's dedupe table kept changing, or events kept turning out to be stored already, after "
                        + MAX_ATTEMPTS + " attempts"));
        Set<String> stored = new HashSet<>();
        attempts.stream().filter(a -> a.failure == null).forEach(a -> stored.add(a.batch.site()));
        stored.forEach(queue::due);
        return attempts.stream().map(a -> new Stored(a.batch, a.duplicate, a.overQuota, a.failure)).toList();
    }

    /** Stores one site's events; throws when they could not be stored (nothing of them was written then). */
    public boolean[] store(String site, List<Event> events) throws Exception {
        Stored stored = store(List.of(new Batch(site, events))).get(0);
        if (!stored.ok()) {
            throw stored.failure();
        }
        return stored.duplicate();
    }

    /** Adds the drops to their sites' counts of this hour. */
    public void count(SiteDrops drops) throws Exception {
        if (!drops.isEmpty()) {
            drops.write(redis, clock.millis());
        }
    }

    /** One batch on its way to Redis. */
    private final class Attempt {
        final Batch batch;
        final boolean[] duplicate;
        final SiteKeys keys;
        CompletableFuture<List<Object>> reply;
        List<Integer> sent;
        boolean overQuota;
        Exception failure;

        Attempt(Batch batch) {
            this.batch = batch;
            this.keys = SiteKeys.of(batch.site());
            this.duplicate = new boolean[batch.events().size()];
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < duplicate.length; i++) {
                duplicate[i] = !seen.add(batch.events().get(i).fingerprint());
            }
        }

        void send(long now) {
            long generation = now / config.dedupeWindow().toMillis();
            byte[] current = SiteKeys.bytes(keys.fingerprints(generation));
            byte[] previous = SiteKeys.bytes(keys.fingerprints(generation - 1));
            List<byte[]> scriptKeys = List.of(current, previous, SiteKeys.bytes(keys.pending()),
                    SiteKeys.bytes(keys.counts(now)), SiteKeys.bytes(keys.storedBytes(Math.floorDiv(now, DAY))),
                    SiteKeys.bytes(keys.copiedFingerprints(generation)),
                    SiteKeys.bytes(keys.copiedFingerprints(generation - 1)));
            sent = new ArrayList<>();
            List<String> fingerprints = new ArrayList<>();
            for (int i = 0; i < duplicate.length; i++) {
                if (!duplicate[i]) {
                    sent.add(i);
                    fingerprints.add(batch.events().get(i).fingerprint());
                }
            }
            if (sent.isEmpty()) {
                reply = CompletableFuture.completedFuture(List.of(bytes("ok")));
                return;
            }
            CompletableFuture<FingerprintTable.Layout> currentLayout = layout(current);
            CompletableFuture<FingerprintTable.Layout> previousLayout = layout(previous);
            reply = currentLayout.thenCombine(previousLayout, List::of)
                    .thenCompose(layouts -> {
                        FingerprintTable.Layout table = layouts.get(0);
                        FingerprintTable.Layout older = layouts.get(1);
                        FingerprintTable.Plan plan = table.plan(fingerprints.size());
                        CompletableFuture<Map<Integer, String>> written =
                                texts(current, FingerprintTable.writeBuckets(table, plan, fingerprints));
                        CompletableFuture<Map<Integer, String>> earlier =
                                texts(previous, FingerprintTable.lookupBuckets(older, fingerprints));
                        return written.thenCombine(earlier, List::of).thenCompose(texts -> {
                            List<Object> found = claimed(fingerprints, table, texts.get(0), older, texts.get(1));
                            if (found.size() > 1) {
                                return CompletableFuture.completedFuture(found);
                            }
                            FingerprintTable.Change change = FingerprintTable.add(plan, texts.get(0), fingerprints);
                            return STORE.call(redis.binary(), scriptKeys,
                                    arguments(now, generation, table, older, fingerprints, change));
                        });
                    });
        }

        /** {@code recorded} and the 1-based positions of the fingerprints either table holds already. */
        private List<Object> claimed(List<String> fingerprints, FingerprintTable.Layout table,
                                     Map<Integer, String> texts, FingerprintTable.Layout older,
                                     Map<Integer, String> olderTexts) {
            List<Object> found = new ArrayList<>();
            found.add(bytes("recorded"));
            for (int i = 0; i < fingerprints.size(); i++) {
                String fingerprint = fingerprints.get(i);
                if (table.exists() && FingerprintTable.holds(texts.get(table.bucketOf(fingerprint)), fingerprint)
                        || older.exists()
                        && FingerprintTable.holds(olderTexts.get(older.bucketOf(fingerprint)), fingerprint)) {
                    found.add((long) i + 1);
                }
            }
            return found;
        }

        private List<byte[]> arguments(long now, long generation, FingerprintTable.Layout table,
                                       FingerprintTable.Layout older, List<String> fingerprints,
                                       FingerprintTable.Change change) {
            List<byte[]> args = new ArrayList<>();
            args.add(number((generation + 2) * config.dedupeWindow().toMillis()));
            args.add(number(IngestCounts.expiresAt(now)));
            args.add(number(config.siteBytesPerDay()));
            args.add(number(table.version()));
            args.add(number(older.version()));
            args.add(number(fingerprints.size()));
            fingerprints.forEach(fingerprint -> args.add(ascii(fingerprint)));
            List<String> empty = new ArrayList<>();
            List<byte[]> pairs = new ArrayList<>();
            change.buckets().forEach((field, text) -> {
                if (text.isEmpty()) {
                    empty.add(field);
                } else {
                    pairs.add(ascii(field));
                    pairs.add(ascii(text));
                }
            });
            args.add(number(pairs.size() / 2));
            args.addAll(pairs);
            args.add(number(empty.size()));
            empty.forEach(field -> args.add(ascii(field)));
            args.add(number(change.layout().level()));
            args.add(number(change.layout().split()));
            args.add(number(change.layout().count()));
            Map<Integer, List<StoredEvent>> byDay = new TreeMap<>();
            for (int i : sent) {
                Event event = batch.events().get(i);
                byDay.computeIfAbsent((int) Math.floorDiv(event.ts(), DAY), d -> new ArrayList<>())
                        .add(StoredEvent.of(event));
            }
            byDay.forEach((day, events) -> {
                args.add(number(day));
                args.add(number(events.size()));
                args.add(BlockFormat.encode(day, events));
            });
            return args;
        }

        /** Awaits the script; true when the batch must be sent again without the duplicates it found. */
        boolean again() {
            List<Object> answer;
            try {
                answer = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                return false;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                return false;
            } catch (TimeoutException e) {
                failure = e;
                return false;
            }
            String outcome = text(answer.get(0));
            if ("ok".equals(outcome)) {
                return false;
            }
            if ("quota".equals(outcome)) {
                overQuota = true;
                return false;
            }
            if ("changed".equals(outcome)) {
                // another batch of the site was written since the table was read: read it again
                return true;
            }
            for (Object position : answer.subList(1, answer.size())) {
                duplicate[sent.get(((Number) position).intValue() - 1)] = true;
            }
            return true;
        }
    }

    /** A random wait that grows with the round, up to {@link #MAX_BACK_OFF_MILLIS}. */
    private static void backOff(int round) {
        long bound = Math.min(MAX_BACK_OFF_MILLIS, 1L << Math.min(round, 5));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<FingerprintTable.Layout> layout(byte[] table) {
        byte[][] fields = FingerprintTable.LAYOUT_FIELDS.stream().map(EventStore::ascii).toArray(byte[][]::new);
        return redis.binary().hmget(table, fields).toCompletableFuture().thenApply(values -> FingerprintTable.Layout.of(
                values.stream().map(value -> value.hasValue() ? text(value.getValue()) : null).toList()));
    }

    /** The texts of some buckets of a table, by bucket; absent for an empty one. */
    private CompletableFuture<Map<Integer, String>> texts(byte[] table, Set<Integer> buckets) {
        if (buckets.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Integer> order = new ArrayList<>(buckets);
        byte[][] fields = order.stream().map(bucket -> ascii(Integer.toString(bucket))).toArray(byte[][]::new);
        return redis.binary().hmget(table, fields).toCompletableFuture().thenApply(values -> {
            Map<Integer, String> texts = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                if (values.get(i).hasValue()) {
                    texts.put(order.get(i), text(values.get(i).getValue()));
                }
            }
            return texts;
        });
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }
}
