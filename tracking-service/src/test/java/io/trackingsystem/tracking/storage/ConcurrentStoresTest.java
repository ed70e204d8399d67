package io.trackingsystem.tracking.storage;

import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several replicas (separate stores, so no shared locks) storing overlapping batches of the same sessions at the
 * same time, each event delivered to every one of them: every event must count exactly once, and every figure that
 * does not depend on arrival order must equal storing the events once, one batch after the other. (A session
 * counts in the hour of the first of its events to arrive, so per hour only events and page views are
 * independent of the order; sessions, bounces and durations are per day.)
 */
class ConcurrentStoresTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentStoresTest.class);
    private static final long MINUTE = 60_000;
    private static final long NOW = Math.floorDiv(System.currentTimeMillis(), UtcDays.DAY) * UtcDays.DAY
            + 12 * UtcDays.HOUR + 30 * MINUTE;
    private static final int REPLICAS = 4;

    @Test
    void replicasRacingForTheSameSessionsCountEveryEventOnce() throws Exception {
        RedisFixture.flush();
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            StoreHarness harness = new StoreHarness(redis, NOW, Env.of(Map.of()));
            Random random = new Random(5);
            List<TestEvents> events = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                // one session per visitor: every event of a visitor lies within 20 minutes
                int visitor = random.nextInt(30);
                long ts = NOW - 60 * MINUTE + visitor * MINUTE + random.nextInt(20 * 60_000);
                events.add(random.nextInt(3) == 0 ? TestEvents.track("v" + visitor, "click", ts)
                        : TestEvents.pageview("v" + visitor, "https://example.com/p" + random.nextInt(5), ts));
            }
            List<Event> racing = StoreWorkload.prepared(harness.pipeline, "acc-race", events);
            List<Event> calm = StoreWorkload.prepared(harness.pipeline, "acc-calm", events);
            for (int from = 0; from < calm.size(); from += 100) {
                harness.store.store("acc-calm", calm.subList(from, from + 100));
            }

            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                EventStore store = new EventStore(redis, harness.config,
                        Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
                List<Event> delivery = new ArrayList<>(racing);
                Collections.shuffle(delivery, new Random(r));
                done.add(replicas.submit(() -> deliver(store, delivery, conflicts)));
            }
            for (Future<?> replica : done) {
                replica.get();
            }
            replicas.shutdown();
            LOG.info("Conflicts resolved by reading again: {}", conflicts.get());

            RedisCommands<String, String> sync = redis.dedicated().sync();
            assertThat(orderIndependent(sync, harness.config, "acc-race"))
                    .isEqualTo(orderIndependent(sync, harness.config, "acc-calm"));
            assertThat(sync.xlen(TrackingKeys.of("acc-race").raw(UtcDays.day(NOW))))
                    .isEqualTo(events.stream().map(TestEvents::id).distinct().count());
        }
    }

    /** Stores the events in batches of 50 like an ingest worker; a batch that fails is delivered again. */
    private static Void deliver(EventStore store, List<Event> events, AtomicInteger conflicts) {
        for (int from = 0; from < events.size(); from += 50) {
            EventStore.Batch batch = new EventStore.Batch("acc-race", events.subList(from, from + 50));
            EventStore.Stored stored;
            do {
                stored = store.store(List.of(batch)).get(0);
                conflicts.addAndGet(stored.conflicts());
            } while (!stored.ok());
        }
        return null;
    }

    /** Totals, visitor counts and session count: what the arrival order of a session's events cannot change. */
    private static Map<String, Object> orderIndependent(RedisCommands<String, String> sync, TrackingConfig config,
                                                        String account) {
        TrackingKeys keys = TrackingKeys.of(account);
        String day = UtcDays.day(NOW);
        Map<String, Object> figures = new TreeMap<>();
        sync.hgetall(keys.totals(day)).forEach((field, value) -> {
            String name = field.charAt(0) == 'e' || field.charAt(0) == 'p' ? field : field.substring(0, 1) + " per day";
            figures.merge(name, Long.parseLong(value), (a, b) -> (Long) a + (Long) b);
        });
        figures.put("visitors", sync.pfcount(keys.dayVisitors(day)));
        figures.put("exact visitors", sync.scard(keys.dayVisitorSet(day)));
        figures.put("sessions", sync.hlen(keys.sessionStates(NOW / config.sessionStateTtl().toMillis())));
        figures.put("recorded ids", sync.hlen(keys.dedupe(NOW / config.dedupeWindow().toMillis())));
        return figures;
    }
}
