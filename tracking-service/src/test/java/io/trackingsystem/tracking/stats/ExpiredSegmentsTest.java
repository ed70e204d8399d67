package io.trackingsystem.tracking.stats;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.storage.SiteKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sealed segment expires with its day at the end of the retention, and the manifest may list it until compaction
 * next drops the day. A query of that day answers without it instead of failing.
 */
class ExpiredSegmentsTest {

    private static final LocalDate OLD = LocalDate.now(ZoneOffset.UTC).minusDays(4);
    private static final LocalDate NEWER = OLD.plusDays(1);
    private static final String SITE = "expiring";
    private static StatsHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = StatsHarness.start(Map.of("COMPACTION_DELAY_MS", "1000"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aSegmentGoneWhileItsManifestStillListsItReadsAsNoEvents() throws Exception {
        long old = OLD.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        long newer = NEWER.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        harness.feed(SITE, List.of(pageview("a", "https://x.example/old", old),
                pageview("b", "https://x.example/newer", newer)));
        SiteKeys keys = SiteKeys.of(SITE);
        String oldDay = Long.toString(OLD.toEpochDay());
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            RedisClusterCommands<String, String> sync = redis.dedicated().sync();
            await().atMost(Duration.ofSeconds(30)).until(() -> sync.hget(keys.manifest(), oldDay) != null
                    && sync.xlen(keys.pending()) == 0);
            String listed = sync.hget(keys.manifest(), oldDay);
            String id = listed.substring(0, listed.indexOf('/'));

            sync.del(keys.segment((int) OLD.toEpochDay(), id));
        }

        for (int asking = 1; asking <= 2; asking++) {
            Map<String, Object> overview = Map.of("pageviews", harness.answer("overview", SITE,
                    "from=" + OLD + "&to=" + NEWER).path("pageviews").asLong());
            assertThat(overview).as("asking " + asking).containsEntry("pageviews", 1L);
        }
    }
}
