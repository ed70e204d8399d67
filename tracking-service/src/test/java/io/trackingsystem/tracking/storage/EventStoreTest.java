package io.trackingsystem.tracking.storage;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.tracking.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static io.trackingsystem.tracking.TestEvents.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest extends StorageTest {

    private static final String DAY = UtcDays.day(NOW);
    private static final String ACCOUNT = "acc-1";
    private static final TrackingKeys KEYS = TrackingKeys.of(ACCOUNT);

    private StoreHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StoreHarness(redis, NOW, Env.of(Map.of()));
    }

    @Test
    void countsEventsPageviewsSessionsAndVisitorsInTheEventsUtcHour() throws Exception {
        harness.store(ACCOUNT,
                pageview("v1", "https://example.com/", NOW - 20 * MINUTE),
                pageview("v1", "https://example.com/pricing", NOW - 19 * MINUTE),
                pageview("v2", "https://example.com/", NOW - 5 * MINUTE),
                track("v2", "signup", NOW - 4 * MINUTE));

        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("e:12", "4").containsEntry("p:12", "3")
                .containsEntry("s:12", "2");
        assertThat(sync.pfcount(KEYS.hourVisitors(DAY + "12"))).isEqualTo(2);
        assertThat(sync.scard(KEYS.hourVisitorSet(DAY + "12"))).isEqualTo(2);
        assertThat(sync.pfcount(KEYS.dayVisitors(DAY))).isEqualTo(2);
        assertThat(sync.scard(KEYS.dayVisitorSet(DAY))).isEqualTo(2);
    }

    @Test
    void secondPageviewTakesBackTheBounceAndGrowsTheDuration() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", NOW - 10 * MINUTE));
        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("b:12", "1").doesNotContainKey("d:12");

        harness.store(ACCOUNT, pageview("v1", "https://example.com/docs", NOW - 7 * MINUTE));

        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("b:12", "0").containsEntry("s:12", "1")
                .containsEntry("d:12", Long.toString(3 * MINUTE));
    }

    @Test
    void anyOtherEventAlsoEndsTheBounce() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", NOW - 10 * MINUTE),
                pageview("v2", "https://example.com/", NOW - 10 * MINUTE));
        harness.store(ACCOUNT, track("v1", "download", NOW - 9 * MINUTE));

        assertThat(harness.total(ACCOUNT, DAY, 'b')).isEqualTo(1);
        assertThat(harness.total(ACCOUNT, DAY, 's')).isEqualTo(2);
    }

    @Test
    void sessionEndsAfterTheIdleTimeAndCountsInItsStartHour() throws Exception {
        long first = DAY_START + 10 * UtcDays.HOUR + 50 * MINUTE;
        List<String> sessions = harness.store(ACCOUNT,
                pageview("v1", "https://example.com/", first),
                pageview("v1", "https://example.com/a", first + 20 * MINUTE),
                pageview("v1", "https://example.com/b", first + 51 * MINUTE));

        assertThat(sessions.get(0)).isEqualTo(sessions.get(1)).isNotEqualTo(sessions.get(2));
        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("s:10", "1").containsEntry("s:11", "1")
                .doesNotContainKey("b:10").containsEntry("b:11", "1")
                .containsEntry("d:10", Long.toString(20 * MINUTE))
                .containsEntry("e:10", "1").containsEntry("e:11", "2");
    }

    @Test
    void givenSessionIdIsKeptWhateverTheGap() throws Exception {
        List<String> sessions = harness.store(ACCOUNT,
                pageview("v1", "https://example.com/", NOW - 200 * MINUTE).set("sessionId", "app-session-1"),
                track("v1", "tap", NOW - 10 * MINUTE).set("sessionId", "app-session-1"));

        assertThat(sessions).containsOnly("app-session-1");
        assertThat(harness.total(ACCOUNT, DAY, 's')).isEqualTo(1);
        assertThat(harness.total(ACCOUNT, DAY, 'd')).isEqualTo(190 * MINUTE);
    }

    @Test
    void entryPageIsTheFirstAndExitPageTheLastPageview() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/a", NOW - 10 * MINUTE),
                pageview("v1", "https://example.com/b", NOW - 9 * MINUTE));
        harness.store(ACCOUNT, pageview("v1", "https://example.com/c?x=1#top", NOW - 8 * MINUTE));

        assertThat(harness.score(ACCOUNT, DAY, "entryPage", "v|/a")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "entryPage", "p|/a")).isEqualTo(3.0);
        assertThat(harness.score(ACCOUNT, DAY, "exitPage", "v|/c")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "exitPage", "v|/a")).isIn(null, 0.0);
        assertThat(harness.score(ACCOUNT, DAY, "exitPage", "v|/b")).isEqualTo(0.0);
    }

    @Test
    void repeatedEventIdChangesNothing() throws Exception {
        TestEvents event = pageview("v1", "https://example.com/", NOW - MINUTE);
        TestEvents other = pageview("v2", "https://example.com/", NOW - MINUTE);
        assertThat(harness.store(ACCOUNT, event, event)).element(1).isEqualTo("");
        Map<String, String> before = harness.totals(ACCOUNT, DAY);
        long rawBefore = sync.xlen(KEYS.raw(DAY));

        List<String> again = harness.store(ACCOUNT, event, other);

        assertThat(again.get(0)).isEmpty();
        assertThat(again.get(1)).isNotEmpty();
        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(Long.parseLong(before.get("e:12")) + 1);
        assertThat(sync.xlen(KEYS.raw(DAY))).isEqualTo(rawBefore + 1);
    }

    @Test
    void breakdownsCountVisitsPageviewsEventsAndDistinctVisitors() throws Exception {
        harness.store(ACCOUNT,
                pageview("v1", "https://example.com/a", NOW - 10 * MINUTE).set("referrer", "https://www.google.de/"),
                pageview("v1", "https://example.com/a", NOW - 9 * MINUTE).set("referrer", "https://example.com/"),
                track("v1", "signup", NOW - 8 * MINUTE).set("url", "https://example.com/a"),
                pageview("v2", "https://example.com/a", NOW - 8 * MINUTE).set("userAgent", TestEvents.IPHONE));

        assertThat(harness.score(ACCOUNT, DAY, "page", "v|/a")).isEqualTo(2.0);
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|/a")).isEqualTo(3.0);
        assertThat(harness.score(ACCOUNT, DAY, "page", "e|/a")).isEqualTo(4.0);
        assertThat(sync.pfcount(KEYS.breakdownVisitors(DAY, "page", "/a"))).isEqualTo(2);
        assertThat(harness.score(ACCOUNT, DAY, "referrer", "v|Google")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "referrer", "e|Google")).isEqualTo(3.0);
        assertThat(harness.score(ACCOUNT, DAY, "referrer", "v|(direct)")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "eventName", "e|signup")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "eventName", "p|pageview")).isEqualTo(3.0);
        assertThat(harness.score(ACCOUNT, DAY, "device", "v|mobile")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "browser", "v|Chrome")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "os", "e|Windows")).isEqualTo(3.0);
    }

    @Test
    void customPropertiesAreBrokenDownPerKey() throws Exception {
        harness.store(ACCOUNT,
                track("v1", "purchase", NOW - 3 * MINUTE).props(Map.of("plan", "pro", "seats", 3)),
                track("v2", "purchase", NOW - 2 * MINUTE).props(Map.of("plan", "pro")));

        assertThat(harness.score(ACCOUNT, DAY, "property:plan", "e|pro")).isEqualTo(2.0);
        assertThat(harness.score(ACCOUNT, DAY, "property:plan", "v|pro")).isEqualTo(2.0);
        assertThat(harness.score(ACCOUNT, DAY, "property:seats", "e|3")).isEqualTo(1.0);
        assertThat(sync.smembers(KEYS.propertyKeys(DAY))).containsExactlyInAnyOrder("plan", "seats");
    }

    @Test
    void newValuesBeyondTheDailyLimitCountAsOther() throws Exception {
        harness = new StoreHarness(redis, NOW, Env.of(Map.of("BREAKDOWN_VALUES_PER_DAY", "3")));
        harness.store(ACCOUNT, pageview("v1", "https://example.com/1", NOW - 9 * MINUTE),
                pageview("v1", "https://example.com/2", NOW - 8 * MINUTE),
                pageview("v1", "https://example.com/3", NOW - 7 * MINUTE));
        harness.store(ACCOUNT, pageview("v1", "https://example.com/4", NOW - 6 * MINUTE),
                pageview("v1", "https://example.com/1", NOW - 5 * MINUTE));

        assertThat(harness.score(ACCOUNT, DAY, "page", "p|/1")).isEqualTo(2.0);
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|/4")).isNull();
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|" + TrackingKeys.OTHER)).isEqualTo(1.0);
    }

    @Test
    void exactVisitorSetIsDroppedAndFlaggedOnceItOverflows() throws Exception {
        harness = new StoreHarness(redis, NOW, Env.of(Map.of("EXACT_VISITORS_LIMIT", "5")));
        for (int i = 0; i < 5; i++) {
            harness.store(ACCOUNT, pageview("v" + i, "https://example.com/", NOW - MINUTE));
        }
        assertThat(sync.scard(KEYS.hourVisitorSet(DAY + "12"))).isEqualTo(5);

        harness.store(ACCOUNT, pageview("v5", "https://example.com/", NOW - MINUTE));

        assertThat(sync.exists(KEYS.hourVisitorSet(DAY + "12"), KEYS.dayVisitorSet(DAY))).isZero();
        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("x:12", "1").containsEntry("x:d", "1");
        assertThat(sync.pfcount(KEYS.hourVisitors(DAY + "12"))).isEqualTo(6);
    }

    @Test
    void rawEventsKeepOneFieldOrderAndExpireAfterTheRetention() throws Exception {
        harness.store(ACCOUNT, track("v1", "purchase", NOW - MINUTE).set("url", "https://example.com/shop?a=1")
                .props(Map.of("plan", "pro")).set("ip", "203.0.113.9"));

        List<StreamMessage<String, String>> raw = sync.xrange(KEYS.raw(DAY), Range.create("-", "+"));
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).getBody()).containsOnlyKeys(RawFields.FIELD);
        String value = raw.get(0).getBody().get(RawFields.FIELD);
        String[] fields = RawFields.split(value);
        assertThat(fields).hasSize(RawFields.ORDER.size());
        Map<String, String> event = new java.util.HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            event.put(RawFields.ORDER.get(i), fields[i]);
        }
        assertThat(event).containsEntry(RawFields.TIME, Long.toString(NOW - MINUTE - DAY_START))
                .containsEntry(RawFields.NAME, "purchase").containsEntry(RawFields.TYPE, "track")
                .containsEntry(RawFields.VISITOR, "v1").containsEntry(RawFields.PATH, "/shop")
                .containsEntry(RawFields.REFERRER, "").containsEntry(RawFields.BROWSER, "Chrome")
                .containsEntry(RawFields.DEVICE, "desktop").containsEntry(RawFields.PROPS, "{\"plan\":\"pro\"}");
        assertThat(event.get(RawFields.SESSION)).isNotEmpty();
        assertThat(value).doesNotContain("203.0.113.9");
        long now = System.currentTimeMillis();
        long rawExpiry = DAY_START + UtcDays.DAY + 90 * UtcDays.DAY;
        assertThat(sync.pttl(KEYS.raw(DAY))).isBetween(rawExpiry - now - 60_000, rawExpiry - now);
        long rollupExpiry = DAY_START + UtcDays.DAY + 730 * UtcDays.DAY;
        assertThat(sync.pttl(KEYS.totals(DAY))).isBetween(rollupExpiry - now - 60_000, rollupExpiry - now);
    }

    @Test
    void realtimeKeepsRecentVisitorsAndPageviewsPerMinute() throws Exception {
        long now = System.currentTimeMillis();
        harness = new StoreHarness(redis, now, Env.of(Map.of()));
        long recent = now - 2 * MINUTE;
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", recent),
                pageview("v2", "https://example.com/", recent),
                pageview("v3", "https://example.com/", now - 45 * MINUTE));

        assertThat(sync.zcard(KEYS.live())).isEqualTo(2);
        String minute = String.format("%02d", (recent % UtcDays.HOUR) / MINUTE);
        assertThat(sync.hget(KEYS.minutes(UtcDays.day(recent) + UtcDays.hour(recent)), minute)).isEqualTo("2");
    }

    @Test
    void corruptKeyFailsTheBatchBeforeAnyWrite() throws Exception {
        sync.set(KEYS.raw(DAY), "not a stream");
        TestEvents event = pageview("v1", "https://example.com/", NOW - MINUTE);

        assertThatThrownBy(() -> harness.store(ACCOUNT, event)).hasMessageContaining("WRONGTYPE");
        assertThat(sync.exists(KEYS.totals(DAY))).isZero();

        sync.del(KEYS.raw(DAY));
        assertThat(harness.store(ACCOUNT, event).get(0)).isNotEmpty();
        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(1);
    }

    @Test
    void accountsNeverShareKeys() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", NOW - MINUTE));
        harness.store("acc-2", pageview("v1", "https://example.com/", NOW - MINUTE));

        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(1);
        assertThat(harness.total("acc-2", DAY, 'e')).isEqualTo(1);
        assertThat(sync.keys("*")).allMatch(key -> key.startsWith("{t:acc-1}:main:") || key.startsWith("{t:acc-2}:main:"));
    }
}
