package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The store step: writes batches of events, each batch one account's, with exactly-once effects.
 *
 * <p>Per batch, optimistically: (1) read what the batch depends on — the session states, the property key index
 * ({@link StoreReads}); (2) work out in Java everything the batch changes, summed per key
 * ({@link BatchAccounting}); (3) write it with one call of {@code apply-batch.lua}, which first checks that none
 * of what was read has changed and that none of the events is recorded yet, and otherwise writes nothing and
 * answers CONFLICT, upon which the batch goes back to (1). So an event is counted fully or not at all, and a
 * redelivered event finds its id and changes nothing. Duplicates are rare, so the first attempt does not read
 * the recorded ids; when the script finds one, the next attempt reads them and leaves the duplicates out. Redis
 * does a few commands per event instead of dozens, and most of the work runs in the JVM.
 *
 * <p>Batches of different accounts are read, accounted and written side by side (pipelined); an account's own
 * batches follow each other. {@link TenantLocks} keeps this replica's workers from conflicting with each other.
 */
public final class EventStore {

    /** Most events per batch: bounds Lua's unpack (≤ 2 × this values) and the time one script call blocks Redis. */
    public static final int MAX_EVENTS = 2000;
    private static final int MAX_ATTEMPTS = 10;
    private static final long TIMEOUT_SECONDS = 30;

    /** One account's events, at most {@link #MAX_EVENTS}. */
    public record Batch(String account, List<Event> events) {
        public Batch {
            if (events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException("at most " + MAX_EVENTS + " events per batch, got " + events.size());
            }
        }
    }

    /**
     * The outcome of a batch: one session id per event ("" for a duplicate), or the failure; {@code conflicts}
     * counts the attempts that found their reads outdated.
     */
    public record Stored(Batch batch, List<String> sessionIds, int conflicts, Exception failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** A batch kept finding its reads outdated by concurrent writes; nothing of it was written. */
    public static final class ContendedException extends Exception {
        ContendedException() {
            super("the batch conflicted with concurrent writes " + MAX_ATTEMPTS + " times");
        }
    }

    private final TrackingConfig config;
    private final Clock clock;
    private final StoreReads reads;
    private final ApplyScript script;
    private final TenantLocks locks = new TenantLocks(64);
    /** Breakdown sets recently found near their value limit: resolved against Redis before writing. */
    private final Set<String> nearLimit = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    public EventStore(Redis redis, TrackingConfig config) {
        this(redis, config, Clock.systemUTC());
    }

    EventStore(Redis redis, TrackingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.reads = new StoreReads(redis.async());
        this.script = new ApplyScript(redis.async());
    }

    /** Stores the batches and waits; one outcome per batch, in order. An account's batches are stored in order. */
    public List<Stored> store(List<Batch> batches) {
        List<Attempt> attempts = batches.stream().map(Attempt::new).toList();
        Map<String, List<Attempt>> byAccount = new LinkedHashMap<>();
        attempts.forEach(a -> byAccount.computeIfAbsent(a.batch.account(), x -> new ArrayList<>()).add(a));
        try (TenantLocks.Held held = locks.lock(byAccount.keySet())) {
            for (int round = 0; ; round++) {
                List<Attempt> next = new ArrayList<>();
                for (List<Attempt> ofAccount : byAccount.values()) {
                    if (round < ofAccount.size()) {
                        next.add(ofAccount.get(round));
                    }
                }
                if (next.isEmpty()) {
                    break;
                }
                storeSideBySide(next);
            }
        }
        return attempts.stream().map(Attempt::outcome).toList();
    }

    /** Stores one account's events; throws when they could not be stored (nothing of them was written then). */
    public List<String> store(String account, List<Event> events) throws Exception {
        Stored stored = store(List.of(new Batch(account, events))).get(0);
        if (!stored.ok()) {
            throw stored.failure();
        }
        return stored.sessionIds();
    }

    /** Batches of distinct accounts: each phase is fired for all of them before any is awaited. */
    private void storeSideBySide(List<Attempt> batches) {
        List<Attempt> pending = batches;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                pending.forEach(a -> a.fail(new ContendedException()));
                return;
            }
            long now = clock.millis();
            pending.forEach(a -> a.read(now));
            pending.forEach(a -> a.account(now));
            pending.forEach(a -> a.apply(now));
            pending = pending.stream().filter(Attempt::again).toList();
            if (pending.stream().anyMatch(a -> a.raced)) {
                pause(attempt);
            }
        }
    }

    /** A short random pause, so that stores of another replica racing for the same sessions fall out of step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch on its way through the phases. */
    private final class Attempt {
        final Batch batch;
        int conflicts;
        /** Whether the last attempt lost a race with another store; it then waits a little before the next. */
        boolean raced;
        /** Whether to read which events are recorded: from the attempt after the script found one. */
        boolean readIds;
        Exception failure;
        List<String> sessionIds;
        boolean done;
        final TrackingKeys keys;
        CompletableFuture<StoreSnapshot> snapshot;
        BatchWrites writes;
        CompletableFuture<Void> resolved;
        CompletableFuture<ApplyScript.Reply> reply;

        Attempt(Batch batch) {
            this.batch = batch;
            this.keys = TrackingKeys.of(batch.account());
        }

        void read(long now) {
            snapshot = reads.snapshot(keys, dedupeGeneration(now), stateGeneration(now), batch.events(),
                    config.propertyKeysPerDay(), readIds);
        }

        void account(long now) {
            StoreSnapshot read = await(snapshot);
            if (read == null) {
                return;
            }
            try {
                sessionIds = new ArrayList<>(batch.events().size());
                writes = BatchAccounting.account(new BatchWrites(keys, config.rawRetention().toMillis(),
                                config.rollupRetention().toMillis(), read.properties()), read, now,
                        config.sessionIdle().toMillis(), batch.events(), sessionIds);
                resolved = reads.resolve(writes.breakdowns.needingResolution(nearLimit, config.valuesPerDay()),
                        config.valuesPerDay());
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void apply(long now) {
            if (failure != null) {
                return;
            }
            if (writes.isEmpty()) {
                done = true;
                return;
            }
            await(resolved);
            if (failure != null) {
                return;
            }
            String[] scriptKeys = {keys.dedupe(dedupeGeneration(now)), keys.dedupe(dedupeGeneration(now) - 1),
                    keys.sessionStates(stateGeneration(now)), keys.sessionStates(stateGeneration(now) - 1)};
            reply = script.apply(scriptKeys, ApplyArguments.of(writes, config, now));
        }

        /** Awaits the script; true when the batch must be read and accounted again. */
        boolean again() {
            raced = false;
            if (failure != null || done) {
                return false;
            }
            ApplyScript.Reply answer = await(reply);
            if (answer == null) {
                return false;
            }
            if (answer.applied()) {
                done = true;
                return false;
            }
            if ("recorded".equals(answer.conflict()) && !readIds) {
                readIds = true;
                return true;
            }
            raced = true;
            conflicts++;
            nearLimit.addAll(answer.crowded());
            return true;
        }

        void fail(Exception e) {
            failure = e;
        }

        Stored outcome() {
            return new Stored(batch, failure == null ? sessionIds : List.of(), conflicts, failure);
        }

        private <T> T await(CompletableFuture<T> future) {
            try {
                return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException | RuntimeException e) {
                failure = e;
            }
            return null;
        }
    }

    private long dedupeGeneration(long now) {
        return now / config.dedupeWindow().toMillis();
    }

    private long stateGeneration(long now) {
        return now / config.sessionStateTtl().toMillis();
    }
}
