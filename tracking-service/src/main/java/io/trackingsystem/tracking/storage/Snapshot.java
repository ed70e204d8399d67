package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.redis.Redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a site has stored at one moment: the sealed segments of each day asked for, and the pending blocks after a
 * given entry (the caller usually holds the earlier ones already). {@code floor} is the last pending entry that
 * compaction folded into segments: a pending block at or below it is in the segments now.
 */
public record Snapshot(StreamId floor, Map<Integer, Segments> days, List<Pending> pending) {

    /** One pending block: its stream entry, its day, how many events it holds and the block itself. */
    public record Pending(StreamId id, int epochDay, int events, byte[] block) {
    }

    private static final LuaScript SNAPSHOT = LuaScript.named("snapshot.lua");
    private static final int ENTRIES_PER_CALL = 500;
    private static final long TIMEOUT_SECONDS = 30;

    /**
     * Reads the site's state: the segments of {@code days} (all days when null) and every pending block after
     * {@code after}, in as many calls as it takes; the result is that of the last call.
     */
    public static Snapshot read(Redis redis, SiteKeys keys, List<Integer> days, StreamId after) {
        List<Pending> pending = new ArrayList<>();
        StreamId from = after;
        while (true) {
            List<byte[]> args = new ArrayList<>();
            args.add(bytes(from == StreamId.NONE ? "-" : "(" + from));
            args.add(bytes(Integer.toString(ENTRIES_PER_CALL)));
            if (days != null) {
                days.forEach(day -> args.add(bytes(Integer.toString(day))));
            }
            List<Object> reply = await(SNAPSHOT.call(redis.binary(),
                    List.of(SiteKeys.bytes(keys.manifest()), SiteKeys.bytes(keys.pending())), args));
            StreamId floor = StreamId.parse(text(reply.get(0)));
            Map<Integer, Segments> manifest = manifest(days, (List<?>) reply.get(1));
            List<?> entries = (List<?>) reply.get(2);
            for (Object entry : entries) {
                List<?> parts = (List<?>) entry;
                Pending block = pending(StreamId.parse(text(parts.get(0))), (List<?>) parts.get(1));
                if (block != null) {
                    pending.add(block);
                }
                from = StreamId.parse(text(parts.get(0)));
            }
            if (entries.size() < ENTRIES_PER_CALL) {
                pending.removeIf(block -> block.id().compareTo(floor) <= 0);
                return new Snapshot(floor, manifest, List.copyOf(pending));
            }
        }
    }

    /** Events stored in all: those in the days' segments and those pending. */
    public long events() {
        long events = pending.stream().mapToLong(Pending::events).sum();
        for (Segments segments : days.values()) {
            events += segments.events();
        }
        return events;
    }

    /** Every event a site has stored, as of now. */
    public static long storedEvents(Redis redis, String site) {
        return read(redis, SiteKeys.of(site), null, StreamId.NONE).events();
    }

    public Segments segments(int epochDay) {
        return days.getOrDefault(epochDay, Segments.NONE);
    }

    private static Map<Integer, Segments> manifest(List<Integer> days, List<?> values) {
        Map<Integer, Segments> manifest = new HashMap<>();
        if (days != null) {
            for (int i = 0; i < days.size(); i++) {
                Object value = values.get(i);
                if (value != null) {
                    manifest.put(days.get(i), Segments.parse(text(value)));
                }
            }
            return manifest;
        }
        for (int i = 0; i + 1 < values.size(); i += 2) {
            String field = text(values.get(i));
            if (!field.equals(SiteKeys.FLOOR)) {
                manifest.put(Integer.parseInt(field), Segments.parse(text(values.get(i + 1))));
            }
        }
        return manifest;
    }

    /** A pending entry's fields; null for an entry without a block (never written by this release). */
    private static Pending pending(StreamId id, List<?> fields) {
        Integer day = null;
        int events = 0;
        byte[] block = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String name = text(fields.get(i));
            Object value = fields.get(i + 1);
            switch (name) {
                case "d" -> day = Integer.parseInt(text(value));
                case "n" -> events = Integer.parseInt(text(value));
                case "b" -> block = (byte[]) value;
                default -> {
                }
            }
        }
        return day == null || block == null ? null : new Pending(id, day, events, block);
    }

    static List<Object> await(java.util.concurrent.CompletableFuture<List<Object>> reply) {
        try {
            return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while reading stored events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageUnavailableException("stored events cannot be read: " + e.getMessage(), e);
        }
    }

    static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? "" : value.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
