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
 * The store step: appends batches of a site's events as pending blocks, exactly once. One call of
 * {@code store.lua} per batch checks that none of its events' fingerprints is claimed yet, claims them and appends
 * one block per UTC day, all in one atomic step; when some were claimed already (a redelivery), it writes nothing,
 * and the batch is written again without them. Nothing is read or counted here: visits, sources and every figure
 * are derived when the events are read, so the order and batching of arrival change nothing. Batches of different
 * sites go to Redis side by side.
 */
public final class EventStore {

    /** Most events per batch: bounds the script's arguments and the time one call blocks Redis. */
    public static final int MAX_EVENTS = 2000;
    private static final int MAX_ATTEMPTS = 3;
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
            long now = clock.millis();
            pending.forEach(attempt -> attempt.send(now));
            pending = pending.stream().filter(Attempt::again).toList();
        }
        pending.forEach(attempt -> attempt.failure = new IllegalStateException(
                "events kept turning out to be stored already after " + MAX_ATTEMPTS + " attempts"));
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
            List<byte[]> scriptKeys = List.of(SiteKeys.bytes(keys.fingerprints(generation)),
                    SiteKeys.bytes(keys.fingerprints(generation - 1)), SiteKeys.bytes(keys.pending()),
                    SiteKeys.bytes(keys.counts(now)), SiteKeys.bytes(keys.storedBytes(Math.floorDiv(now, DAY))),
                    SiteKeys.bytes(keys.copiedFingerprints(generation)),
                    SiteKeys.bytes(keys.copiedFingerprints(generation - 1)));
            List<byte[]> args = new ArrayList<>();
            args.add(number((generation + 2) * config.dedupeWindow().toMillis()));
            args.add(number(IngestCounts.expiresAt(now)));
            args.add(number(config.siteBytesPerDay()));
            sent = new ArrayList<>();
            Map<Integer, List<StoredEvent>> byDay = new TreeMap<>();
            for (int i = 0; i < duplicate.length; i++) {
                if (!duplicate[i]) {
                    Event event = batch.events().get(i);
                    sent.add(i);
                    byDay.computeIfAbsent((int) Math.floorDiv(event.ts(), DAY), d -> new ArrayList<>())
                            .add(StoredEvent.of(event));
                }
            }
            args.add(number(sent.size()));
            sent.forEach(i -> args.add(batch.events().get(i).fingerprint().getBytes(StandardCharsets.UTF_8)));
            byDay.forEach((day, events) -> {
                args.add(number(day));
                args.add(number(events.size()));
                args.add(BlockFormat.encode(day, events));
            });
            reply = sent.isEmpty() ? CompletableFuture.completedFuture(List.of(bytes("ok")))
                    : STORE.call(redis.binary(), scriptKeys, args);
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
            for (Object position : answer.subList(1, answer.size())) {
                duplicate[sent.get(((Number) position).intValue() - 1)] = true;
            }
            return true;
        }
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
