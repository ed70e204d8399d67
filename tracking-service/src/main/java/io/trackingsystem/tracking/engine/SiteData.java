package io.trackingsystem.tracking.engine;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.EventBlock;
import io.trackingsystem.tracking.storage.SiteKeys;
import io.trackingsystem.tracking.storage.Segments;
import io.trackingsystem.tracking.storage.Snapshot;
import io.trackingsystem.tracking.storage.StorageUnavailableException;
import io.trackingsystem.tracking.storage.StreamId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one replica knows of one site's stored events: its dictionaries, its pending blocks (decoded once, kept
 * until compaction folds them in) and which segments each day has. Refreshed from Redis at most once per
 * {@link #FRESHNESS}, so a burst of queries reads Redis once and an event is in answers within about a second of
 * being stored. Days are turned into {@link DayView}s on demand and kept in the shared {@link ViewCache}.
 */
final class SiteData implements ViewCache.Owner {

    /** How long a refresh from Redis is good for. */
    static final long FRESHNESS = 1000;
    private static final long TIMEOUT_SECONDS = 30;

    private final String site;
    private final SiteKeys keys;
    private final Redis redis;
    private final ViewCache views;
    private final long idle;
    private final SiteCodes codes = new SiteCodes();
    private final TreeMap<StreamId, PendingBlock> pending = new TreeMap<>();
    /** Per day asked for so far: what it holds as of the last refresh. */
    private final Map<Integer, Slot> slots = new HashMap<>();
    private final Map<String, CompletableFuture<DayView>> building = new ConcurrentHashMap<>();
    private StreamId lastPending = StreamId.NONE;
    private long refreshedAt = Long.MIN_VALUE;
    private long refreshes;
    /** Segments found missing, with the refresh they were missed after; see {@link #build}. */
    private final Map<SegmentRef, Long> missed = new ConcurrentHashMap<>();

    private record SegmentRef(int epochDay, String id) {
    }

    private record PendingBlock(StreamId id, int epochDay, EventBlock block) {
    }

    /** A day's segments and pending blocks, and the signature its view is cached under. */
    private record Slot(Segments segments, List<PendingBlock> blocks, String signature) {
        boolean empty() {
            return segments.list().isEmpty() && blocks.isEmpty();
        }
    }

    SiteData(String site, Redis redis, ViewCache views, long idle) {
        this.site = site;
        this.keys = SiteKeys.of(site);
        this.redis = redis;
        this.views = views;
        this.idle = idle;
    }

    SiteCodes codes() {
        return codes;
    }

    @Override
    public String site() {
        return site;
    }

    @Override
    public long bytes() {
        return codes.bytes();
    }

    long idle() {
        return idle;
    }

    /**
     * Makes sure the days are known as of at most {@link #FRESHNESS} ago: reads the manifest of every day asked
     * for so far and the pending blocks stored since the last refresh.
     */
    synchronized void refresh(List<Integer> days, long now) {
        boolean missing = days.stream().anyMatch(day -> !slots.containsKey(day));
        // refreshedAt is Long.MIN_VALUE when a refresh is due at once; now minus it would overflow
        if (!missing && refreshedAt != Long.MIN_VALUE && now - refreshedAt < FRESHNESS) {
            return;
        }
        TreeSet<Integer> wanted = new TreeSet<>(slots.keySet());
        wanted.addAll(days);
        List<Integer> asked = new ArrayList<>(wanted);
        Snapshot snapshot = Snapshot.read(redis, keys, asked, lastPending);
        for (Snapshot.Pending block : snapshot.pending()) {
            pending.put(block.id(), new PendingBlock(block.id(), block.epochDay(), BlockFormat.decode(block.block())));
            lastPending = block.id();
        }
        pending.headMap(snapshot.floor(), true).clear();
        if (lastPending.compareTo(snapshot.floor()) < 0) {
            lastPending = snapshot.floor();
        }
        Map<Integer, List<PendingBlock>> pendingByDay = new HashMap<>();
        pending.values().forEach(block -> pendingByDay.computeIfAbsent(block.epochDay, d -> new ArrayList<>())
                .add(block));
        for (Integer day : asked) {
            Segments segments = snapshot.segments(day);
            List<PendingBlock> blocks = pendingByDay.getOrDefault(day, List.of());
            Slot current = slots.get(day);
            if (current == null || !current.segments.equals(segments) || !current.blocks.equals(blocks)) {
                StringBuilder signature = new StringBuilder(segments.toString());
                blocks.forEach(block -> signature.append(';').append(block.id));
                slots.put(day, new Slot(segments, List.copyOf(blocks), signature.toString()));
            }
        }
        refreshedAt = now;
        refreshes++;
        missed.keySet().removeIf(ref -> !listed(ref));
    }

    private boolean listed(SegmentRef ref) {
        Slot slot = slots.get(ref.epochDay);
        return slot != null && slot.segments.list().stream().anyMatch(segment -> segment.id().equals(ref.id));
    }

    /** The day's view as of the last refresh, or null when the site has no events that day. */
    DayView view(int epochDay) {
        Slot slot;
        synchronized (this) {
            slot = slots.get(epochDay);
        }
        if (slot == null) {
            refresh(List.of(epochDay), System.currentTimeMillis());
            synchronized (this) {
                slot = slots.get(epochDay);
            }
        }
        if (slot.empty()) {
            return null;
        }
        ViewCache.Key key = new ViewCache.Key(this, epochDay);
        DayView cached = views.get(key, slot.signature);
        if (cached != null) {
            return cached;
        }
        String buildKey = epochDay + "|" + slot.signature;
        CompletableFuture<DayView> mine = new CompletableFuture<>();
        CompletableFuture<DayView> running = building.putIfAbsent(buildKey, mine);
        if (running == null) {
            try {
                DayView view = build(epochDay, slot.segments, slot.blocks);
                views.put(key, slot.signature, view);
                mine.complete(view);
                return view;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                building.remove(buildKey);
            }
        }
        try {
            return running.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while reading stored events", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageUnavailableException("stored events cannot be read: " + cause.getMessage(), cause);
        }
    }

    private DayView build(int epochDay, Segments segments, List<PendingBlock> blocks) {
        List<EventBlock> sources = new ArrayList<>();
        List<CompletableFuture<byte[]>> fetches = new ArrayList<>();
        for (Segments.Segment segment : segments.list()) {
            fetches.add(redis.binary().get(SiteKeys.bytes(keys.segment(epochDay, segment.id())))
                    .toCompletableFuture());
        }
        for (int i = 0; i < fetches.size(); i++) {
            byte[] stored;
            try {
                stored = fetches.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while reading stored events", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new StorageUnavailableException("stored events cannot be read: " + e.getMessage(), e);
            }
            if (stored == null) {
                SegmentRef ref = new SegmentRef(epochDay, segments.list().get(i).id());
                synchronized (this) {
                    Long missedAfter = missed.get(ref);
                    if (missedAfter != null && refreshes > missedAfter) {
                        // Still listed by a manifest read after it was missed: compaction never lists a segment
                        // it deleted, so the segment expired with its day at the end of the retention.
                        continue;
                    }
                    // compacted away since the refresh; the next refresh lists its replacement
                    missed.putIfAbsent(ref, refreshes);
                    refreshedAt = Long.MIN_VALUE;
                }
                throw new SegmentMovedException(keys.segment(epochDay, ref.id()));
            }
            sources.add(BlockFormat.decode(stored));
        }
        boolean owned = blocks.isEmpty();
        blocks.forEach(block -> sources.add(block.block));
        return DayViewBuilder.build(epochDay, sources, owned, codes, idle);
    }

    /** A segment listed at the last refresh is gone: compaction replaced it. The query is tried again. */
    static final class SegmentMovedException extends RuntimeException {
        SegmentMovedException(String key) {
            super("segment " + key + " was replaced meanwhile");
        }
    }
}
