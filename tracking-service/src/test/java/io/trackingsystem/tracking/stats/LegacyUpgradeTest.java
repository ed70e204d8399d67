package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.ScanArgs;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.legacy.LegacyMigration;
import io.trackingsystem.tracking.pipeline.Hashes;
import io.trackingsystem.tracking.storage.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data written in the earlier release's layout — raw event streams per day, with each event's visit id and the
 * visit's source on it, dedupe fingerprints and roll-ups — is upgraded when the tracking-service starts and then
 * answered exactly as the plain reference computation answers for the same events. An event delivered again
 * after the upgrade is still a duplicate, and a second upgrade finds nothing to do.
 */
class LegacyUpgradeTest {

    private static final String ACCOUNT = "0b8f6a52-legacy-account";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE.withZone(ZoneOffset.UTC);
    private static final long DEDUPE_WINDOW = Duration.ofHours(24).toMillis();
    private static StatsHarness harness;
    private static OracleDataset data;
    private static ReferenceAnalytics reference;

    @BeforeAll
    static void upgrade() throws Exception {
        data = new OracleDataset(99L, 3000);
        reference = new ReferenceAnalytics(data.events.stream().map(OracleDataset.Sent::event).toList());
        harness = StatsHarness.start(Map.of(), 1, LegacyUpgradeTest::writeTheEarlierLayout);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** What the earlier release kept for these events, had they arrived in time order. */
    private static void writeTheEarlierLayout(String url) {
        try (Redis redis = Redis.connect(url)) {
            var sync = redis.dedicated().sync();
            String prefix = "{t:" + ACCOUNT + "}:main";
            long generation = System.currentTimeMillis() / DEDUPE_WINDOW;
            List<ReferenceAnalytics.Event> events = reference.events().stream()
                    .sorted(Comparator.comparingLong(ReferenceAnalytics.Event::time)).toList();
            for (ReferenceAnalytics.Event event : events) {
                ReferenceAnalytics.Session session = reference.sessionOf(event);
                ReferenceAnalytics.Event first = session.first();
                String props = event.props().isEmpty() ? ""
                        : ReferenceAnalytics.JSON.valueToTree(event.props()).toString();
                String value = String.join("\u001f", Long.toString(Math.floorMod(event.time(), 86_400_000L)),
                        event.name(), event.pageview() ? "page" : "track", event.visitor(), session.id(),
                        event.path(), first.source(), first.utm()[0], first.utm()[1], first.utm()[2],
                        first.utm()[3], first.utm()[4], event.browser(), event.os(), event.device(), event.screen(),
                        event.language(), props);
                String day = DAY.format(Instant.ofEpochMilli(event.time()));
                sync.xadd(prefix + ":raw:" + day, Map.of("e", value));
                sync.hset(prefix + ":dd:" + generation, Hashes.base64(event.id(), 16), "1");
                sync.hincrby(prefix + ":t:" + day, "e:00", 1);
            }
            sync.pexpire(prefix + ":dd:" + generation, DEDUPE_WINDOW * 2);
            sync.pfadd(prefix + ":ud:" + DAY.format(Instant.now()), "1");
        }
    }

    @Test
    void nothingOfTheEarlierLayoutRemainsAndEveryEventIsStored() throws Exception {
        Redis redis = harness.service.redis();
        var keys = redis.async().scan(ScanArgs.Builder.matches("{t:*").limit(10_000)).get().getKeys();

        assertThat(keys).isEmpty();
        assertThat(Snapshot.storedEvents(redis, ACCOUNT)).isEqualTo(reference.events().size());
    }

    @Test
    void theUpgradedSiteAnswersAsTheReferenceDoes() {
        for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Tokyo"))) {
            ReferenceAnalytics.Range range = ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone);
            String query = "from=" + data.firstDay + "&to=" + data.lastDay + "&tz=" + encode(zone.getId());
            assertSame(harness.answer("overview", ACCOUNT, query), reference.overview(range, List.of()));
            assertSame(harness.answer("timeseries", ACCOUNT, query + "&interval=day"),
                    reference.timeseries(range, "day", List.of()));
            for (String dimension : List.of("page", "entryPage", "exitPage", "referrer", "utmCampaign", "browser",
                    "eventName", "property:plan")) {
                assertSame(harness.answer("breakdown", ACCOUNT, query + "&limit=1000&dimension=" + encode(dimension)),
                        reference.breakdown(range, dimension, 1000, List.of()));
            }
            assertSame(harness.answer("overview", ACCOUNT, query + "&filter=referrer:Google"),
                    reference.overview(range, List.of(new ReferenceAnalytics.Filter("referrer", "Google"))));
        }
    }

    @Test
    void anEventDeliveredAgainAfterTheUpgradeIsStillADuplicate() throws Exception {
        Redis redis = harness.service.redis();
        long before = Snapshot.storedEvents(redis, ACCOUNT);
        String again = data.events.get(17).json();

        harness.send(ACCOUNT, List.of(again, data.events.get(18).json()), 0);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Snapshot.storedEvents(redis, ACCOUNT) == before);
    }

    @Test
    void upgradingAgainFindsNothingToDo() throws Exception {
        LegacyMigration.Report report = new LegacyMigration(harness.service.redis(), Duration.ofDays(730)).run();

        assertThat(report.accounts()).isZero();
        assertThat(Snapshot.storedEvents(harness.service.redis(), ACCOUNT)).isEqualTo(reference.events().size());
    }

    private static void assertSame(com.fasterxml.jackson.databind.JsonNode answer, ObjectNode expected) {
        try {
            assertThat(answer).isEqualTo(ReferenceAnalytics.JSON.readTree(expected.toString()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
