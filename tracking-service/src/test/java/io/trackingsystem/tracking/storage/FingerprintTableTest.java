package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Hashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dedupe generations' fingerprint tables (store.lua): however many events a generation claims, its buckets stay
 * a couple of dozen fingerprints each, every fingerprint is in the one bucket its lookup reads, and a redelivery is
 * recognised in the current generation, the previous one, and the flat hashes the upgrade copied.
 */
class FingerprintTableTest {

    private static final String SITE = "fp-site";
    private static final long HOUR = 3_600_000L;
    private static final long WINDOW = 24 * HOUR;
    /** An hour into a generation still to come, so no key the stores set expires while the test runs. */
    private static final long START = (System.currentTimeMillis() / WINDOW + 1) * WINDOW + HOUR;
    private static Redis redis;
    private static TrackingConfig config;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        config = TrackingConfig.from(Env.of(Map.of("REDIS_URL", RedisFixture.url())));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void empty() {
        RedisFixture.flush();
    }

    @Test
    void manyEventsSpreadOverSmallBucketsAndEveryRedeliveryIsFound() throws Exception {
        EventStore store = storeAt(START);
        List<Event> events = events("many", 30_000, START);
        for (int from = 0; from < events.size(); from += 1_000 + from % 7) {
            // uneven batches, so splits fall at every point of a batch
            store.store(SITE, events.subList(from, Math.min(events.size(), from + 1_000 + from % 7)));
        }

        long generation = START / config.dedupeWindow().toMillis();
        String table = SiteKeys.of(SITE).fingerprints(generation);
        Map<String, String> fields = redis.async().hgetall(table).get();
        int level = Integer.parseInt(fields.get("level"));
        int split = Integer.parseInt(fields.get("split"));
        assertThat(fields.get("count")).isEqualTo("30000");
        assertThat(redis.async().pttl(table).get()).isPositive();
        int buckets = (1 << level) + split;
        Map<String, Integer> bucketOf = new HashMap<>();
        fields.forEach((field, text) -> {
            if (field.chars().allMatch(Character::isDigit)) {
                assertThat(Integer.parseInt(field)).isLessThan(buckets);
                assertThat(text.length() % 16).isZero();
                for (int at = 0; at < text.length(); at += 16) {
                    bucketOf.put(text.substring(at, at + 16), Integer.parseInt(field));
                }
            }
        });
        assertThat(bucketOf).hasSize(30_000);
        for (Event event : events) {
            assertThat(bucketOf.get(event.fingerprint())).as(event.fingerprint())
                    .isEqualTo(bucket(event.fingerprint(), level, split));
        }
        double perBucket = 30_000.0 / buckets;
        assertThat(perBucket).as("fingerprints per bucket").isBetween(12.0, 24.0);
        assertThat(bucketOf.values().stream().collect(java.util.stream.Collectors.groupingBy(b -> b,
                java.util.stream.Collectors.counting())).values()).allSatisfy(size -> assertThat(size).isLessThan(100));

        List<Event> again = new ArrayList<>(events("many", 1_990, START));
        again.addAll(events("new", 10, START));
        boolean[] duplicate = store.store(SITE, again);
        for (int i = 0; i < again.size(); i++) {
            assertThat(duplicate[i]).as("event %d", i).isEqualTo(i < 1_990);
        }
        for (int from = 1_990; from < events.size(); from += 2_000) {
            assertThat(store.store(SITE, events.subList(from, Math.min(events.size(), from + 2_000))))
                    .doesNotContain(false);
        }
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(30_010);
    }

    @Test
    void replicasStoringTheSameEventsAtOnceStoreEachOnce() throws Exception {
        List<Event> events = events("raced", 6_000, START);
        List<Redis> connections = new ArrayList<>();
        List<Thread> replicas = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < 4; r++) {
            Redis connection = Redis.connect(RedisFixture.url());
            connections.add(connection);
            EventStore replica = new EventStore(connection, config,
                    Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC));
            List<Event> order = new ArrayList<>(events);
            java.util.Collections.shuffle(order, new java.util.Random(r));
            replicas.add(new Thread(() -> {
                try {
                    for (int from = 0; from < order.size(); from += 500) {
                        replica.store(SITE, order.subList(from, from + 500));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        replicas.forEach(Thread::start);
        for (Thread replica : replicas) {
            replica.join();
        }
        connections.forEach(Redis::close);

        assertThat(failures).isEmpty();
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(6_000);
        String table = SiteKeys.of(SITE).fingerprints(START / config.dedupeWindow().toMillis());
        assertThat(redis.async().hget(table, "count").get()).isEqualTo("6000");
    }

    @Test
    void anEventOfThePreviousGenerationIsStillADuplicateAndOneOfTwoGenerationsAgoIsNot() throws Exception {
        long window = config.dedupeWindow().toMillis();
        List<Event> events = events("old", 500, START);
        storeAt(START).store(SITE, events);

        boolean[] nextGeneration = storeAt(START + window).store(SITE, events);
        boolean[] twoLater = storeAt(START + 2 * window + HOUR).store(SITE, events("old", 1, START));

        assertThat(nextGeneration).doesNotContain(false);
        assertThat(twoLater).containsExactly(false);
    }

    @Test
    void fingerprintsTheUpgradeCopiedCountAsClaimed() throws Exception {
        long generation = START / config.dedupeWindow().toMillis();
        List<Event> events = events("copied", 3, START);
        String copied = SiteKeys.of(SITE).copiedFingerprints(generation);
        redis.async().hset(copied, Hashes.base64(events.get(1).id(), 16), "1").get();

        boolean[] duplicate = storeAt(START).store(SITE, events);

        assertThat(duplicate).containsExactly(false, true, false);
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(2);
    }

    /** The bucket a fingerprint belongs in, by the table's rule: 24 bits of its first four characters. */
    private static int bucket(String fingerprint, int level, int split) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int hash = 0;
        for (int i = 0; i < 4; i++) {
            hash = hash * 64 + alphabet.indexOf(fingerprint.charAt(i));
        }
        int bucket = hash % (1 << level);
        return bucket < split ? hash % (1 << (level + 1)) : bucket;
    }

    private EventStore storeAt(long millis) {
        return new EventStore(redis, config, Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    private static List<Event> events(String prefix, int count, long time) {
        List<TestEvents> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(pageview("visitor-" + i % 1_000, "https://x.io/" + i % 50, time - i).set("id", prefix + "-" + i));
        }
        return StoredEvents.of(SITE, events);
    }
}
