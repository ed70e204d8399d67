package io.trackingsystem.tracking.storage;

import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.EventBlock;
import io.trackingsystem.tracking.blocks.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Folds a site's pending blocks into sealed segments, day by day (docs/data-model.md, "Compaction"). Segments of
 * a day grow like a log-structured merge: the new events form a segment that absorbs every existing segment up to
 * twice its size, so a day has a handful of segments of growing size and each event is rewritten a few times; a
 * day older than yesterday ends up as one segment. New segments are written first, under new keys; then one
 * script swaps them into the manifest and drops the folded pending blocks, provided nothing changed meanwhile.
 * Replaced segments are deleted a while later, once no reader can still be fetching them. Any replica may
 * compact; a lease keeps two from doing the same site's work at once, and the script's check keeps it correct
 * even if they do.
 */
public final class Compactor {

    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);
    private static final LuaScript COMPACT = LuaScript.named("compact.lua");
    private static final long DAY = 86_400_000L;
    /** Most pending events folded in one round; the rest waits for the next. */
    static final int MAX_EVENTS_PER_ROUND = 500_000;
    /** A day keeps at most this many segments; past it the smallest are merged. */
    static final int MAX_SEGMENTS_PER_DAY = 8;
    private static final Duration LEASE = Duration.ofSeconds(120);
    /** How long a replaced segment stays readable for queries that listed it just before. */
    static final Duration GRACE = Duration.ofSeconds(120);

    private final Redis redis;
    private final Duration retention;
    private final String owner;
    private final Clock clock;
    private final CompactionQueue queue;

    public Compactor(Redis redis, Duration retention, Duration delay, String owner, Clock clock) {
        this.redis = redis;
        this.retention = retention;
        this.owner = owner;
        this.clock = clock;
        this.queue = new CompactionQueue(redis, delay);
    }

    /** Compacts the sites that are due, a few at a time; answers how many it compacted. */
    public int runDue() throws Exception {
        int compacted = 0;
        for (String site : queue.dueSites(16)) {
            if (lease(site)) {
                try {
                    compact(site);
                    compacted++;
                } finally {
                    release(site);
                }
            }
        }
        return compacted;
    }

    /**
     * Marks every site with pending blocks due: covers a store that crashed between its write and marking its
     * site, and pending blocks left by a release without compaction.
     */
    public void sweep() throws Exception {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            var page = redis.async().scan(cursor, ScanArgs.Builder.matches("{s:*}:p").limit(1000)).get();
            for (String key : page.getKeys()) {
                String site = key.substring(3, key.length() - 3);
                queue.dueNow(site);
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** Folds everything pending of one site into segments now (rounds until none is left). */
    public void compact(String site) throws Exception {
        SiteKeys keys = SiteKeys.of(site);
        for (int round = 0; round < 100; round++) {
            Outcome outcome = round(keys);
            if (outcome == Outcome.CONFLICT) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
                continue;
            }
            if (outcome == Outcome.DONE) {
                queue.done(site);
                if (redis.async().xlen(keys.pending()).get() > 0) {
                    queue.due(site);
                }
                collectGarbage(keys);
                return;
            }
        }
        queue.due(site);
    }

    private enum Outcome { DONE, MORE, CONFLICT }

    private Outcome round(SiteKeys keys) throws Exception {
        Snapshot snapshot = Snapshot.read(redis, keys, null, StreamId.NONE);
        long now = clock.millis();
        int today = (int) Math.floorDiv(now, DAY);
        int oldestKept = (int) Math.floorDiv(now - retention.toMillis(), DAY);
        Map<Integer, List<EventBlock>> byDay = new TreeMap<>();
        int events = 0;
        StreamId last = StreamId.NONE;
        for (Snapshot.Pending pending : snapshot.pending()) {
            if (events > 0 && events + pending.events() > MAX_EVENTS_PER_ROUND) {
                break;
            }
            byDay.computeIfAbsent(pending.epochDay(), d -> new ArrayList<>()).add(BlockFormat.decode(pending.block()));
            events += pending.events();
            last = pending.id();
        }
        boolean morePending = last != StreamId.NONE
                && !last.equals(snapshot.pending().get(snapshot.pending().size() - 1).id());
        for (Map.Entry<Integer, Segments> day : snapshot.days().entrySet()) {
            boolean expired = day.getKey() < oldestKept;
            boolean unmergedColdDay = day.getKey() < today - 1 && day.getValue().list().size() > 1;
            if ((expired || unmergedColdDay) && !byDay.containsKey(day.getKey())) {
                byDay.put(day.getKey(), new ArrayList<>());
                if (byDay.size() > 64) {
                    break;
                }
            }
        }
        if (byDay.isEmpty()) {
            return Outcome.DONE;
        }
        List<byte[]> args = new ArrayList<>();
        args.add(bytes(snapshot.floor().toString()));
        args.add(bytes(last.toString()));
        args.add(bytes(last == StreamId.NONE ? "" : last.next().toString()));
        args.add(bytes(Long.toString(now + GRACE.toMillis())));
        args.add(bytes(Integer.toString(byDay.size())));
        List<String> replaced = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Map.Entry<Integer, List<EventBlock>> entry : byDay.entrySet()) {
            int day = entry.getKey();
            Segments current = snapshot.segments(day);
            Segments next = day < oldestKept ? Segments.NONE
                    : merge(keys, day, current, entry.getValue(), day < today - 1, written, now);
            for (Segments.Segment segment : current.list()) {
                if (!next.list().contains(segment)) {
                    replaced.add(keys.segment(day, segment.id()));
                }
            }
            args.add(bytes(Integer.toString(day)));
            args.add(bytes(current.toString()));
            args.add(bytes(next.toString()));
        }
        replaced.forEach(key -> args.add(bytes(key)));
        List<Object> reply = Snapshot.await(COMPACT.call(redis.binary(), List.of(SiteKeys.bytes(keys.manifest()),
                SiteKeys.bytes(keys.pending()), SiteKeys.bytes(keys.garbage())), args));
        if (!"ok".equals(Snapshot.text(reply.get(0)))) {
            if (!written.isEmpty()) {
                redis.async().unlink(written.toArray(String[]::new)).get();
            }
            return Outcome.CONFLICT;
        }
        return morePending ? Outcome.MORE : Outcome.DONE;
    }

    /**
     * The day's segments after folding in {@code blocks}: the new events form a segment that absorbs every
     * segment up to twice its size (all of them for a day that is over), and the smallest beyond
     * {@link #MAX_SEGMENTS_PER_DAY}.
     */
    private Segments merge(SiteKeys keys, int day, Segments current, List<EventBlock> blocks, boolean closed,
                           List<String> written, long now) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        blocks.forEach(block -> addAll(block, events));
        List<Segments.Segment> kept = new ArrayList<>(current.list());
        kept.sort(Comparator.comparingInt(Segments.Segment::events));
        List<Segments.Segment> absorbed = new ArrayList<>();
        for (Segments.Segment segment : kept) {
            if (closed || segment.events() <= 2L * Math.max(1, events.size() + absorbedEvents(absorbed))
                    || kept.size() - absorbed.size() >= MAX_SEGMENTS_PER_DAY) {
                absorbed.add(segment);
            }
        }
        if (events.isEmpty() && absorbed.size() < 2) {
            return current;
        }
        for (Segments.Segment segment : absorbed) {
            byte[] stored = redis.binary().get(SiteKeys.bytes(keys.segment(day, segment.id()))).get();
            if (stored == null) {
                throw new IllegalStateException("segment " + keys.segment(day, segment.id()) + " is missing");
            }
            addAll(BlockFormat.decode(stored), events);
        }
        events.sort(Comparator.comparingLong(StoredEvent::time).thenComparingLong(StoredEvent::id));
        String id = Long.toString(now, 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String key = keys.segment(day, id);
        long expiresAt = (day + 1L) * DAY + retention.toMillis();
        redis.binary().set(SiteKeys.bytes(key), BlockFormat.encode(day, events), SetArgs.Builder.pxAt(expiresAt))
                .get();
        written.add(key);
        List<Segments.Segment> result = new ArrayList<>(current.list());
        result.removeAll(absorbed);
        result.add(new Segments.Segment(id, events.size()));
        return new Segments(List.copyOf(result));
    }

    private static long absorbedEvents(List<Segments.Segment> absorbed) {
        return absorbed.stream().mapToLong(Segments.Segment::events).sum();
    }

    private static void addAll(EventBlock block, List<StoredEvent> events) {
        for (int i = 0; i < block.size(); i++) {
            events.add(block.event(i));
        }
    }

    /** Deletes the segments replaced more than {@link #GRACE} ago. */
    private void collectGarbage(SiteKeys keys) throws Exception {
        List<String> due = redis.async().zrangebyscore(keys.garbage(),
                Range.create(Double.NEGATIVE_INFINITY, (double) clock.millis())).get();
        if (!due.isEmpty()) {
            redis.async().unlink(due.toArray(String[]::new)).get();
            redis.async().zrem(keys.garbage(), due.toArray(String[]::new)).get();
        }
    }

    private boolean lease(String site) throws Exception {
        return "OK".equals(redis.async().set(SiteKeys.of(site).lease(), owner,
                SetArgs.Builder.nx().px(LEASE.toMillis())).get());
    }

    private void release(String site) {
        String key = SiteKeys.of(site).lease();
        try {
            if (owner.equals(redis.async().get(key).get())) {
                redis.async().del(key).get();
            }
        } catch (Exception e) {
            LOG.debug("Releasing the compaction lease of {} failed; it expires by itself: {}", site, e.toString());
        } 
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
