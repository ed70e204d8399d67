package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static io.trackingsystem.tracking.TestEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

class RealtimeTest {

    private static final long MINUTE = 60_000;
    private static final String ACCOUNT = "live-account";
    private static StatsHarness harness;
    private static long now;

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start();
        now = System.currentTimeMillis();
        harness.feed(ACCOUNT, List.of(
                pageview("carol", "https://shop.example/", now - 12 * MINUTE),
                pageview("alice", "https://shop.example/", now - 3 * MINUTE),
                pageview("bob", "https://shop.example/pricing", now - 2 * MINUTE),
                track("bob", "signup", now - 2 * MINUTE + 1000)));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void countsVisitorsOfTheLastFiveMinutesAndPageviewsPerMinute() {
        JsonNode realtime = harness.answer("realtime", ACCOUNT, "");

        assertThat(realtime.path("visitorsNow").asLong()).isEqualTo(2);
        assertPerMinute(realtime, "UTC");
    }

    @Test
    void filtersReadTheLastMinutesOfRawEvents() {
        JsonNode pricing = harness.answer("realtime", ACCOUNT, "filter=page:/pricing&tz=Asia/Tokyo");

        assertThat(pricing.path("visitorsNow").asLong()).isEqualTo(1);
        JsonNode minutes = pricing.path("pageviewsPerMinute");
        assertThat(minutes).hasSize(30);
        long total = 0;
        for (JsonNode minute : minutes) {
            total += minute.path("pageviews").asLong();
        }
        assertThat(total).isEqualTo(1);
        assertThat(minutes.get(29).path("t").asText()).endsWith("+09:00");
    }

    @Test
    void anotherAccountSeesNobody() {
        JsonNode realtime = harness.answer("realtime", "someone-else", "");

        assertThat(realtime.path("visitorsNow").asLong()).isZero();
        assertThat(realtime.path("pageviewsPerMinute")).allMatch(m -> m.path("pageviews").asLong() == 0);
    }

    private static void assertPerMinute(JsonNode realtime, String zone) {
        JsonNode minutes = realtime.path("pageviewsPerMinute");
        assertThat(minutes).hasSize(30);
        long currentMinute = Math.floorDiv(now, MINUTE) * MINUTE;
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(zone));
        String expectedLast = format.format(Instant.ofEpochMilli(currentMinute));
        String asked = minutes.get(29).path("t").asText();
        // the answer's current minute may be the one after the test's clock reading
        assertThat(asked).isIn(expectedLast, format.format(Instant.ofEpochMilli(currentMinute + MINUTE)));
        long shift = asked.equals(expectedLast) ? 0 : 1;
        assertThat(minutes.get((int) (29 - 12 - shift)).path("pageviews").asLong()).isEqualTo(1);
        assertThat(minutes.get((int) (29 - 3 - shift)).path("pageviews").asLong()).isEqualTo(1);
        assertThat(minutes.get((int) (29 - 2 - shift)).path("pageviews").asLong()).isEqualTo(1);
        long total = 0;
        for (JsonNode minute : minutes) {
            total += minute.path("pageviews").asLong();
        }
        assertThat(total).isEqualTo(3);
    }
}
