package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.tracking.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit that began before the range and goes on into it keeps the source, UTM values and entry page of its
 * earliest event, although that event's day lies outside the range and is read only to follow the visit: every
 * value of it must be known before the query compiles its filters and sizes its counts. The first question asked
 * of a fresh site answers as a repeat does.
 */
class SessionsOverMidnightTest {

    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    private static final LocalDate NEXT = DAY.plusDays(1);
    private static final long MIDNIGHT = NEXT.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final String NEXT_DAY = "from=" + NEXT + "&to=" + NEXT;
    private static StatsHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = StatsHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** One visit: /landing at 23:55 from a Google campaign, then /pricing at 00:05 and /docs at 00:10. */
    private static void feedVisitOverMidnight(String site) throws Exception {
        harness.feed(site, List.of(
                pageview("night-owl", "https://shop.example/landing", MIDNIGHT - 5 * MINUTE)
                        .set("referrer", "https://www.google.com/").utm(Map.of("source", "google",
                                "campaign", "midnight")),
                pageview("night-owl", "https://shop.example/pricing", MIDNIGHT + 5 * MINUTE)
                        .set("referrer", "https://shop.example/landing"),
                pageview("night-owl", "https://shop.example/docs", MIDNIGHT + 10 * MINUTE)
                        .set("referrer", "https://shop.example/pricing")));
    }

    @Test
    void aFilterOnTheVisitsSourceSelectsItsEventsAfterMidnightAtTheFirstAsking() throws Exception {
        feedVisitOverMidnight("filtered");

        for (int asking = 1; asking <= 2; asking++) {
            JsonNode series = harness.answer("timeseries", "filtered",
                    NEXT_DAY + "&interval=day&filter=referrer:Google");
            assertThat(series.path("points").get(0).path("pageviews").asLong()).as("asking " + asking).isEqualTo(2);
            assertThat(harness.answer("overview", "filtered", NEXT_DAY + "&filter=utmCampaign:midnight")
                    .path("pageviews").asLong()).as("asking " + asking).isEqualTo(2);
        }
    }

    @Test
    void breakdownsOfTheVisitsValuesCountItAtTheFirstAsking() throws Exception {
        feedVisitOverMidnight("broken-down");

        for (int asking = 1; asking <= 2; asking++) {
            assertThat(rows("referrer")).as("asking " + asking).containsExactly("Google 1");
            assertThat(rows("utmCampaign")).as("asking " + asking).containsExactly("midnight 1");
            assertThat(rows("entryPage")).as("asking " + asking).containsExactly("/landing 1");
            assertThat(rows("exitPage")).as("exits count visits begun in the range").isEmpty();
        }
    }

    @Test
    void aVisitBegunTheDayBeforeTheRangeIsNotOneOfItsVisits() throws Exception {
        feedVisitOverMidnight("visits");

        JsonNode nextDay = harness.answer("overview", "visits", NEXT_DAY);
        JsonNode both = harness.answer("overview", "visits", "from=" + DAY + "&to=" + NEXT);

        assertThat(nextDay.path("pageviews").asLong()).isEqualTo(2);
        assertThat(nextDay.path("sessions").asLong()).isZero();
        assertThat(both.path("sessions").asLong()).isEqualTo(1);
        assertThat(both.path("avgSessionSeconds").asDouble()).isEqualTo(900.0);
        assertThat(harness.answer("breakdown", "visits", "from=" + DAY + "&to=" + NEXT + "&dimension=exitPage")
                .path("rows").get(0).path("value").asText()).isEqualTo("/docs");
    }

    private static List<String> rows(String dimension) {
        List<String> rows = new ArrayList<>();
        harness.answer("breakdown", "broken-down", NEXT_DAY + "&dimension=" + dimension).path("rows")
                .forEach(row -> rows.add(row.path("value").asText() + " " + row.path("visitors").asLong()));
        return rows;
    }
}
