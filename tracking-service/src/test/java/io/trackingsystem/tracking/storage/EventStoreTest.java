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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest {

    private static final String SITE = "store-site";
    private static final long DAY = 86_400_000L;
    private static Redis redis;
    private static EventStore store;

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

    @Test
    void aBatchBecomesOnePendingBlockPerUtcDayOfItsEvents() throws Exception {
        long today = System.currentTimeMillis();
        List<Event> events = StoredEvents.of(SITE, List.of(pageview("a", "https://x.io/1", today),
                pageview("b", "https://x.io/2", today - 3 * DAY), pageview("c", "https://x.io/3", today)));

        boolean[] duplicates = store.store(SITE, events);

        assertThat(duplicates).containsExactly(false, false, false);
        Snapshot snapshot = Snapshot.read(redis, SiteKeys.of(SITE), null, StreamId.NONE);
        assertThat(snapshot.pending()).hasSize(2);
        assertThat(snapshot.events()).isEqualTo(3);
        List<String> paths = new ArrayList<>();
        for (Snapshot.Pending pending : snapshot.pending()) {
            EventBlock block = BlockFormat.decode(pending.block());
            assertThat(block.epochDay()).isEqualTo(pending.epochDay());
            for (int i = 0; i < block.size(); i++) {
                assertThat(Math.floorDiv(block.time(i), DAY)).isEqualTo(pending.epochDay());
                paths.add(block.value(i, io.trackingsystem.tracking.catalogue.Column.PATH));
            }
        }
        assertThat(paths).containsExactlyInAnyOrder("/1", "/2", "/3");
    }

    @Test
    void anEventStoredBeforeIsADuplicateWhetherInAnotherBatchOrTheSameOne() throws Exception {
        long now = System.currentTimeMillis();
        TestEvents first = pageview("a", "https://x.io/", now);
        store.store(SITE, StoredEvents.of(SITE, List.of(first)));

        boolean[] duplicates = store.store(SITE, StoredEvents.of(SITE, List.of(pageview("b", "https://x.io/", now),
                first, pageview("c", "https://x.io/", now))));
        TestEvents twice = pageview("d", "https://x.io/", now);
        boolean[] inOneBatch = store.store(SITE, StoredEvents.of(SITE, List.of(twice, twice)));

        assertThat(duplicates).containsExactly(false, true, false);
        assertThat(inOneBatch).containsExactly(false, true);
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(4);
    }

    @Test
    void aBatchThatCannotBeWrittenLeavesNothingBehind() throws Exception {
        long now = System.currentTimeMillis();
        redis.async().set(SiteKeys.of(SITE).pending(), "not a stream").get();
        List<Event> events = StoredEvents.of(SITE, List.of(pageview("a", "https://x.io/", now)));

        assertThatThrownBy(() -> store.store(SITE, events)).hasMessageContaining("WRONGTYPE");

        redis.async().del(SiteKeys.of(SITE).pending()).get();
        assertThat(store.store(SITE, events)).as("not claimed by the failed attempt").containsExactly(false);
        assertThat(Snapshot.storedEvents(redis, SITE)).isEqualTo(1);
    }

    @Test
    void aSitePastItsBytesOfTheDayIsRefusedWhileOtherSitesStoreOn() throws Exception {
        long now = System.currentTimeMillis();
        TrackingConfig config = TrackingConfig.from(Env.of(Map.of("REDIS_URL", RedisFixture.url(),
                "SITE_MB_PER_DAY", "1")));
        EventStore bounded = new EventStore(redis, config);
        String full = SiteKeys.of(SITE).storedBytes(Math.floorDiv(now, DAY));
        redis.async().set(full, Long.toString((1 << 20) - 10)).get();

        EventStore.Stored refused = bounded.store(List.of(new EventStore.Batch(SITE,
                StoredEvents.of(SITE, List.of(pageview("a", "https://x.io/", now)))))).get(0);
        boolean[] other = bounded.store("other-site",
                StoredEvents.of("other-site", List.of(pageview("a", "https://x.io/", now))));

        assertThat(refused.ok()).isTrue();
        assertThat(refused.overQuota()).isTrue();
        assertThat(refused.stored()).isZero();
        assertThat(Snapshot.storedEvents(redis, SITE)).isZero();
        assertThat(other).containsExactly(false);
        assertThat(Snapshot.storedEvents(redis, "other-site")).isEqualTo(1);
        assertThat(Long.parseLong(redis.async().get(SiteKeys.of("other-site")
                .storedBytes(Math.floorDiv(now, DAY))).get())).isPositive();
        assertThat(redis.async().hget(SiteKeys.of("other-site").counts(now), "stored").get()).isEqualTo("1");
        assertThat(redis.async().hget(SiteKeys.of(SITE).counts(now), "stored").get()).isNull();
    }

    @Test
    void dropsAreAddedToTheirSitesCountsOfTheHour() throws Exception {
        long now = System.currentTimeMillis();
        SiteDrops drops = new SiteDrops();
        drops.add(SITE, io.trackingsystem.tracking.pipeline.DropReason.BOT, 2);
        drops.add(SITE, io.trackingsystem.tracking.pipeline.DropReason.BOT, 1);
        drops.add("other-site", io.trackingsystem.tracking.pipeline.DropReason.QUOTA, 4);
        drops.add(null, io.trackingsystem.tracking.pipeline.DropReason.MALFORMED, 9);

        store.count(drops);

        assertThat(redis.async().hgetall(SiteKeys.of(SITE).counts(now)).get()).containsExactly(
                Map.entry("dropped:bot", "3"));
        assertThat(redis.async().hgetall(SiteKeys.of("other-site").counts(now)).get()).containsExactly(
                Map.entry("dropped:quota", "4"));
        assertThat(redis.async().pttl(SiteKeys.of(SITE).counts(now)).get()).isPositive();
    }

    @Test
    void storingMarksTheSiteDueForCompaction() throws Exception {
        store.store(SITE, StoredEvents.of(SITE, List.of(pageview("a", "https://x.io/", System.currentTimeMillis()))));

        assertThat(redis.async().zscore(SiteKeys.COMPACTION_QUEUE, SITE).get()).isNotNull();
    }

    @Test
    void keysThatChangeTogetherShareTheSitesHashSlotAndSegmentsDoNot() {
        SiteKeys keys = SiteKeys.of(SITE);
        String tag = "{s:" + SITE + "}";

        assertThat(List.of(keys.pending(), keys.manifest(), keys.fingerprints(7), keys.copiedFingerprints(7), keys.counts(0), keys.storedBytes(7),
                keys.garbage(), keys.lease())).allSatisfy(key -> assertThat(key).startsWith(tag + ":"));
        assertThat(keys.segment(20_000, "abc")).doesNotContain("{").contains(SITE);
    }
}
