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
final class SiteData {

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
    private final Map<Integer, Segments> manifest = new HashMap<>();
    private final Map<String, CompletableFuture<DayView>> building = new ConcurrentHashMap<>();
    private StreamId lastPending = StreamId.NONE;
    private long refreshedAt = Long.MIN_VALUE;

    private record PendingBlock(StreamId id, int epochDay, EventBlock block) {
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

    long idle() {
        return idle;
    }

    /**
     * Makes sure the days are known as of at most {@link #FRESHNESS} ago: reads the manifest of every day asked
     * for so far and the pending blocks stored since the last refresh.
     */
    synchronized void refresh(List<Integer> days, long now) {
        boolean missing = days.stream().anyMatch(day -> !manifest.containsKey(day));
        if (!missing && now - refreshedAt < FRESHNESS) {
            return;
        }
        TreeSet<Integer> wanted = new TreeSet<>(manifest.keySet());
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
        for (Integer day : asked) {
            manifest.put(day, snapshot.segments(day));
        }
        refreshedAt = now;
    }

    /** The day's view as of the last refresh, or null when the site has no events that day. */
    DayView view(int epochDay) {
        Segments segments;
        List<PendingBlock> blocks = new ArrayList<>();
        synchronized (this) {
            segments = manifest.get(epochDay);
            if (segments == null) {
                refreshedAt = Long.MIN_VALUE;
            }
        }
        if (segments == null) {
            refresh(List.of(epochDay), System.currentTimeMillis());
        }
        StringBuilder signature = new StringBuilder();
        synchronized (this) {
            segments = manifest.getOrDefault(epochDay, Segments.NONE);
            signature.append(segments);
            for (PendingBlock block : pending.values()) {
                if (block.epochDay == epochDay) {
                    blocks.add(block);
                    signature.append(';').append(block.id);
                }
            }
        }
        if (segments.list().isEmpty() && blocks.isEmpty()) {
            return null;
        }
        ViewCache.Key key = new ViewCache.Key(this, epochDay);
        String sign = signature.toString();
        DayView cached = views.get(key, sign);
        if (cached != null) {
            return cached;
        }
        String buildKey = epochDay + "|" + sign;
        CompletableFuture<DayView> mine = new CompletableFuture<>();
        CompletableFuture<DayView> running = building.putIfAbsent(buildKey, mine);
        if (running == null) {
            try {
                DayView view = build(epochDay, segments, blocks);
                views.put(key, sign, view);
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
                // compacted away since the refresh; the next refresh lists its replacement
                synchronized (this) {
                    refreshedAt = Long.MIN_VALUE;
                }
                throw new SegmentMovedException(keys.segment(epochDay, segments.list().get(i).id()));
            }
            sources.add(BlockFormat.decode(stored));
        }
        blocks.forEach(block -> sources.add(block.block));
        return DayViewBuilder.build(epochDay, sources, codes, idle);
    }

    /** A segment listed at the last refresh is gone: compaction replaced it. The query is tried again. */
    static final class SegmentMovedException extends RuntimeException {
        SegmentMovedException(String key) {
            super("segment " + key + " was replaced meanwhile");
        }
    }
}
