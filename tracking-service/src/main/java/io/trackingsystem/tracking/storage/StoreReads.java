package io.trackingsystem.tracking.storage;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandType;
import io.trackingsystem.tracking.pipeline.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The read phase of storing a batch: a handful of pipelined commands, no script, nothing written. Read results
 * may be stale by the time the batch is written; {@code apply-batch.lua} re-checks them.
 */
final class StoreReads {

    private final RedisAsyncCommands<String, String> redis;

    StoreReads(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /**
     * Session states of the events and the property key index of their days; with {@code withIds}, also which
     * events are already recorded (otherwise none counts as recorded, and the apply script's check finds out).
     */
    CompletableFuture<StoreSnapshot> snapshot(TrackingKeys keys, long dedupeGeneration, long stateGeneration,
                                              List<Event> events, int propertyKeysPerDay, boolean withIds) {
        String[] fingerprints = new String[events.size()];
        Set<String> fields = new LinkedHashSet<>();
        Map<String, Set<String>> propertyKeys = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            fingerprints[i] = event.fingerprint();
            fields.add(BatchAccounting.stateField(event));
            if (!event.props().isEmpty()) {
                propertyKeys.computeIfAbsent(UtcDays.day(event.ts()), d -> new LinkedHashSet<>())
                        .addAll(event.props().keySet());
            }
        }
        String[] stateFields = fields.toArray(String[]::new);
        CompletableFuture<List<String>> current = withIds ? hmget(keys.dedupe(dedupeGeneration), fingerprints)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<List<String>> previous = withIds ? hmget(keys.dedupe(dedupeGeneration - 1), fingerprints)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<List<String>> states = hmget(keys.sessionStates(stateGeneration), stateFields);
        CompletableFuture<List<String>> olderStates = hmget(keys.sessionStates(stateGeneration - 1), stateFields);
        Map<String, PropertyReads> properties = new LinkedHashMap<>();
        propertyKeys.forEach((day, names) -> properties.put(day, new PropertyReads(keys.propertyKeys(day),
                new ArrayList<>(names))));

        List<CompletableFuture<?>> all = new ArrayList<>(List.of(current, previous, states, olderStates));
        properties.values().forEach(p -> {
            all.add(p.size.toCompletableFuture());
            all.add(p.present.toCompletableFuture());
        });
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            boolean[] recorded = new boolean[events.size()];
            List<String> inCurrent = current.join();
            List<String> inPrevious = previous.join();
            for (int i = 0; withIds && i < recorded.length; i++) {
                recorded[i] = inCurrent.get(i) != null || inPrevious.get(i) != null;
            }
            Map<String, String> found = new HashMap<>();
            List<String> now = states.join();
            List<String> before = olderStates.join();
            for (int i = 0; i < stateFields.length; i++) {
                String state = now.get(i) != null ? now.get(i) : before.get(i);
                if (state != null) {
                    found.put(stateFields[i], state);
                }
            }
            Map<String, PropertyIndex> indexes = new HashMap<>();
            properties.forEach((day, reads) -> indexes.put(day, reads.index(propertyKeysPerDay)));
            return new StoreSnapshot(recorded, found, indexes);
        });
    }

    /** HMGET, its many fields written as bytes (see {@link Utf8Arguments}); null = no such field. */
    private CompletableFuture<List<String>> hmget(String key, String[] fields) {
        return redis.dispatch(CommandType.HMGET, new ValueListOutput<>(StringCodec.UTF8),
                Utf8Arguments.of(new String[]{key}, fields)).toCompletableFuture();
    }

    /**
     * Reads the size of each dimension's sorted set and which of the batch's values it knows, and maps the values
     * beyond the daily limit to {@code (other)}.
     */
    CompletableFuture<Void> resolve(List<Breakdowns.Dimension> dimensions, int valuesPerDay) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Breakdowns.Dimension dimension : dimensions) {
            CompletableFuture<Long> card = redis.zcard(dimension.key).toCompletableFuture();
            CompletableFuture<List<Double>> scores = redis.zmscore(dimension.key,
                    dimension.probes().toArray(String[]::new)).toCompletableFuture();
            all.add(card.thenCombine(scores, (size, found) -> {
                List<Boolean> known = new ArrayList<>(found.size());
                found.forEach(score -> known.add(score != null));
                dimension.resolve(size, known, valuesPerDay);
                return null;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private final class PropertyReads {
        final String key;
        final List<String> names;
        final RedisFuture<Long> size;
        final RedisFuture<List<Boolean>> present;

        PropertyReads(String key, List<String> names) {
            this.key = key;
            this.names = names;
            this.size = redis.scard(key);
            this.present = redis.smismember(key, names.toArray(String[]::new));
        }

        PropertyIndex index(int limit) {
            List<Boolean> flags = present.toCompletableFuture().join();
            Set<String> known = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (Boolean.TRUE.equals(flags.get(i))) {
                    known.add(names.get(i));
                }
            }
            return new PropertyIndex(key, size.toCompletableFuture().join(), known, limit);
        }
    }
}
