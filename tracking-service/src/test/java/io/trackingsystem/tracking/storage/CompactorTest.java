package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.EventBlock;
import io.trackingsystem.tracking.pipeline.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;

class CompactorTest {

    private static final String SITE = "compacted-site";
    private static final long DAY = 86_400_000L;
    private static Redis redis;
    private static EventStore store;
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        store = new EventStore(redis, TrackingConfig.from(Env.of(Map.of("REDIS_URL", RedisFixture.url()))));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void empty() {
        RedisFixture.flush();
    }

    private Compactor compactor(String owner) {
        return new Compactor(redis, Duration.ofDays(730), Duration.ofSeconds(1), owner, clock);
    }

    @Test
    void pendingBlocksFoldIntoSegmentsWithEveryEventKeptOnce() throws Exception {
        long today = now.get();
        List<String> ids = storeBatches(10, 50, today, today - 5 * DAY);

        compactor("a").compact(SITE);

        Snapshot after = Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE);
        assertThat(after.pending()).isEmpty();
        assertThat(after.days()).hasSize(2);
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(ids.stream()
                .map(id -> io.trackingsystem.tracking.blocks.StoredEvent.idOf(id)).toList());
        assertThat(redis.async().zscore(SiteKeys.COMPACTION_QUEUE, SITE).get()).as("nothing left to do").isNull();
    }

    @Test
    void aDayThatIsOverEndsUpAsOneSegmentWhileTodayKeepsAFew() throws Exception {
        long today = now.get();
        Compactor compactor = compactor("a");
        for (int round = 0; round < 12; round++) {
            storeBatches(1, 20 + round * 10, today, today - 5 * DAY);
            compactor.compact(SITE);
        }

        Snapshot after = Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE);
        int oldDay = (int) Math.floorDiv(today - 5 * DAY, DAY);
        int thisDay = (int) Math.floorDiv(today, DAY);
        assertThat(after.segments(oldDay).list()).hasSize(1);
        assertThat(after.segments(thisDay).list()).hasSizeBetween(1, Compactor.MAX_SEGMENTS_PER_DAY);
        assertThat(after.events()).isEqualTo(20L + 30 + 40 + 50 + 60 + 70 + 80 + 90 + 100 + 110 + 120 + 130);
    }

    @Test
    void twoReplicasCompactingWhileEventsArriveLoseAndRepeatNothing() throws Exception {
        long today = now.get();
        List<String> ids = new ArrayList<>();
        CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> {
            for (int round = 0; round < 40; round++) {
                ids.addAll(storeBatches(1, 30, today, today - DAY));
            }
        });
        Compactor first = compactor("a");
        Compactor second = compactor("b");
        while (!storing.isDone()) {
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> compact(first));
            compact(second);
            one.join();
        }
        storing.join();
        first.compact(SITE);

        assertThat(Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE).pending()).isEmpty();
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(ids.stream()
                .map(io.trackingsystem.tracking.blocks.StoredEvent::idOf).toList());
    }

    @Test
    void replacedSegmentsAreDeletedOnceNoReaderCanStillWantThem() throws Exception {
        long today = now.get();
        storeBatches(1, 10, today - 5 * DAY, today - 5 * DAY);
        Compactor compactor = compactor("a");
        compactor.compact(SITE);
        List<String> first = segmentKeys();
        storeBatches(1, 10, today - 5 * DAY, today - 5 * DAY);
        compactor.compact(SITE);

        assertThat(redis.async().exists(first.toArray(String[]::new)).get()).as("still readable").isEqualTo(1);
        now.addAndGet(Compactor.GRACE.toMillis() + 1);
        storeBatches(1, 10, today - 5 * DAY, today - 5 * DAY);
        compactor.compact(SITE);

        assertThat(redis.async().exists(first.toArray(String[]::new)).get()).isZero();
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(30);
    }

    private void compact(Compactor compactor) {
        try {
            compactor.compact(SITE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores batches of events, half on each of two days; answers the events' ids. */
    private List<String> storeBatches(int batches, int size, long day1, long day2) {
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<TestEvents> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                TestEvents event = pageview("v" + i, "https://x.io/" + i, (i % 2 == 0 ? day1 : day2) - i * 1000L);
                events.add(event);
                ids.add(event.id());
            }
            List<Event> prepared = StoredEvents.of(SITE, events);
            try {
                store.store(SITE, prepared);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private List<Long> storedIds() throws Exception {
        Snapshot snapshot = Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE);
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Integer, Segments> day : snapshot.days().entrySet()) {
            for (Segments.Segment segment : day.getValue().list()) {
                byte[] stored = redis.binary().get(SiteKeys.bytes(SiteKeys.of(SITE).segment(day.getKey(),
                        segment.id()))).get();
                EventBlock block = BlockFormat.decode(stored);
                assertThat(block.size()).isEqualTo(segment.events());
                for (int i = 0; i < block.size(); i++) {
                    ids.add(block.id(i));
                }
            }
        }
        for (Snapshot.Pending pending : snapshot.pending()) {
            EventBlock block = BlockFormat.decode(pending.block());
            for (int i = 0; i < block.size(); i++) {
                ids.add(block.id(i));
            }
        }
        return ids;
    }

    private List<String> segmentKeys() throws Exception {
        Snapshot snapshot = Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE);
        Map<String, Boolean> keys = new HashMap<>();
        snapshot.days().forEach((day, segments) -> segments.list().forEach(segment ->
                keys.put(SiteKeys.of(SITE).segment(day, segment.id()), true)));
        return List.copyOf(keys.keySet());
    }
}
