package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every analytics operation against {@link ShopDataset}, fed through the real ingest processing, asked over the
 * real messaging layer. The expected numbers are worked out by hand from the dataset's table.
 */
class AnalyticsAcceptanceTest {

    private static final String SHOP = "shop-account";
    private static StatsHarness harness;
    private static ShopDataset data;

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start();
        data = ShopDataset.recent();
        harness.feed(SHOP, data.events());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void overviewOfBothDaysCountsEveryVisitAndBounce() {
        JsonNode overview = ask("overview", data.tokyo(data.day1, data.day2, ""));

        assertFigures(overview, 4, 7, 6, 10, 0.3333, 260.0, 1.17);
        assertFigures(overview.path("previous"), 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void visitAcrossTokyoMidnightBelongsToTheDayItBegan() {
        JsonNode first = ask("overview", data.tokyo(data.day1, data.day1, ""));
        JsonNode second = ask("overview", data.tokyo(data.day2, data.day2, ""));

        // day 1: A1 (5 min), A2 (20 min, ends after midnight), B1 (bounce)
        assertFigures(first, 2, 4, 3, 5, 0.3333, 500.0, 1.33);
        // day 2: A2's last page view counts here, A2 itself does not; B2 bounces, C1 lasts 60 s, D1 has no page
        assertFigures(second, 4, 3, 3, 5, 0.3333, 20.0, 1.0);
        assertFigures(second.path("previous"), 2, 4, 3, 5, 0.3333, 500.0, 1.33);
    }

    @Test
    void timeSeriesHasOnePointPerTokyoDay() {
        JsonNode series = ask("timeseries", data.tokyo(data.day1.minusDays(1), data.day2, "interval=day"));

        assertThat(series.path("interval").asText()).isEqualTo("day");
        assertThat(points(series)).containsExactly(
                data.day1.minusDays(1) + " 0 0 0 0",
                data.day1 + " 2 4 3 5",
                data.day2 + " 4 3 3 5");
    }

    @Test
    void hourlyTimeSeriesIsLabelledInTheZoneAndKeepsEmptyHours() {
        JsonNode series = ask("timeseries", data.tokyo(data.day2, data.day2, "interval=hour"));

        List<String> points = points(series);
        assertThat(points).hasSize(24);
        assertThat(points.get(0)).isEqualTo(data.day2 + "T00:00:00+09:00 1 1 0 1");
        assertThat(points.get(1)).isEqualTo(data.day2 + "T01:00:00+09:00 0 0 0 0");
        assertThat(points.get(12)).isEqualTo(data.day2 + "T12:00:00+09:00 1 1 1 2");
        assertThat(points.get(18)).isEqualTo(data.day2 + "T18:00:00+09:00 1 0 1 1");
    }

    @Test
    void browserBreakdownSortsByVisitors() {
        JsonNode tokyo = ask("breakdown", data.tokyo(data.day1, data.day2, "dimension=browser"));
        JsonNode utc = ask("breakdown", "from=" + data.day1 + "&to=" + data.day2 + "&dimension=browser");

        List<String> expected = List.of("Chrome 2 4 6", "Firefox 1 2 2", "Mobile Safari 1 1 2");
        assertThat(rows(tokyo)).as("from raw events").containsExactlyElementsOf(expected);
        assertThat(rows(utc)).as("from the daily roll-ups").containsExactlyElementsOf(expected);
    }

    @Test
    void everyBreakdownDimensionMatchesTheDataset() {
        String[][] cases = {
                {"page", "/ 2 3 3", "/pricing 2 3 3", "/blog 1 1 1"},
                {"entryPage", "/ 2 5 6", "/blog 1 1 1", "/pricing 1 1 2"},
                {"exitPage", "/pricing 3 - -", "/ 1 - -", "/blog 1 - -"},
                {"referrer", "(direct) 2 1 2", "Google 1 2 2", "newsletter 1 2 3", "Hacker News 1 1 1",
                        "Twitter 1 1 2"},
                {"utmSource", "newsletter 1 2 3", "twitter 1 1 2"},
                {"utmMedium", "email 1 2 3", "social 1 1 2"},
                {"utmCampaign", "spring 1 2 3"},
                {"os", "Windows 2 4 6", "Linux 1 2 2", "iOS 1 1 2"},
                {"device", "desktop 3 6 8", "mobile 1 1 2"},
                {"screen", "1920x1080 1 4 5", "390x844 1 1 1"},
                {"language", "en-US 1 4 5", "ja-JP 1 1 1"},
                {"eventName", "pageview 3 7 7", "signup 2 0 2", "download 1 0 1"},
                {"property:plan", "free 1 0 1", "pro 1 0 1"},
        };
        for (String[] c : cases) {
            List<String> expected = List.of(c).subList(1, c.length);
            String dimension = "dimension=" + c[0];
            assertThat(rows(ask("breakdown", data.tokyo(data.day1, data.day2, dimension))))
                    .as(c[0] + " from raw events").containsExactlyElementsOf(expected);
            assertThat(rows(ask("breakdown", "from=" + data.day1 + "&to=" + data.day2 + "&" + dimension)))
                    .as(c[0] + " from roll-ups").containsExactlyElementsOf(expected);
            for (int limit = 1; limit < expected.size(); limit++) {
                assertThat(rows(ask("breakdown", "from=" + data.day1 + "&to=" + data.day2 + "&" + dimension
                        + "&limit=" + limit))).as(c[0] + " from roll-ups, top " + limit)
                        .containsExactlyElementsOf(expected.subList(0, limit));
            }
        }
    }

    @Test
    void breakdownLimitKeepsTheTopRows() {
        JsonNode top = ask("breakdown", data.tokyo(data.day1, data.day2, "dimension=page&limit=1"));

        assertThat(rows(top)).containsExactly("/ 2 3 3");
    }

    @Test
    void filtersNarrowEveryFigureToMatchingEvents() {
        JsonNode firefox = ask("overview", data.tokyo(data.day1, data.day2, "filter=browser:Firefox"));
        JsonNode pricing = ask("overview", data.tokyo(data.day1, data.day2, "filter=page:/pricing"));
        JsonNode both = ask("overview", data.tokyo(data.day1, data.day2, "filter=page:/pricing&filter=browser:Chrome"));
        JsonNode entry = ask("overview", data.tokyo(data.day1, data.day2, "filter=entryPage:/blog"));
        JsonNode plan = ask("overview", data.tokyo(data.day1, data.day2, "filter=property:plan:pro"));

        assertFigures(firefox, 1, 2, 2, 2, 1.0, 0.0, 1.0);
        // visits A1, A2 and C1 touch /pricing; they are described by all their events
        assertFigures(pricing, 2, 3, 3, 3, 0.0, 520.0, 1.0);
        assertFigures(both, 1, 2, 2, 2, 0.0, 750.0, 1.0);
        assertFigures(entry, 1, 1, 1, 1, 1.0, 0.0, 1.0);
        assertFigures(plan, 1, 0, 1, 1, 0.0, 300.0, 0.0);
    }

    @Test
    void filteredTimeSeriesAndBreakdownUseTheSameFilter() {
        JsonNode series = ask("timeseries", data.tokyo(data.day1, data.day2, "interval=day&filter=utmSource:newsletter"));
        JsonNode pages = ask("breakdown", data.tokyo(data.day1, data.day2, "dimension=page&filter=browser:Firefox"));

        assertThat(points(series)).containsExactly(data.day1 + " 1 2 1 3", data.day2 + " 0 0 0 0");
        assertThat(rows(pages)).containsExactly("/ 1 1 1", "/blog 1 1 1");
    }

    @Test
    void funnelCountsVisitorsThroughOrderedStepsWithinTheWindow() {
        String steps = "step=pageview:/&step=pageview:/pricing&step=event:signup";
        JsonNode day = ask("funnel", data.tokyo(data.day1, data.day2, steps));
        JsonNode minute = ask("funnel", data.tokyo(data.day1, data.day2, steps + "&window=1m"));

        assertThat(funnel(day)).containsExactly("pageview:/ 2 1.0 1.0", "pageview:/pricing 1 0.5 0.5",
                "event:signup 1 0.5 1.0");
        assertThat(funnel(minute)).containsExactly("pageview:/ 2 1.0 1.0", "pageview:/pricing 0 0.0 0.0",
                "event:signup 0 0.0 0.0");
    }

    @Test
    void retentionGroupsVisitorsByTheDayFirstSeen() {
        JsonNode retention = ask("retention", data.tokyo(data.day1, data.day2, "interval=day"));

        assertThat(retention.path("cohorts")).hasSize(2);
        assertThat(cohort(retention.path("cohorts").get(0))).isEqualTo(data.day1 + " 2 [2, 2]");
        assertThat(cohort(retention.path("cohorts").get(1))).isEqualTo(data.day2 + " 2 [2]");
    }

    @Test
    void eventListPagesNewestFirstWithACursor() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = ask("events", data.tokyo(data.day1, data.day2, "limit=3" + cursor));
            page.path("events").forEach(event -> seen.add(event.path("visitorId").asText() + " "
                    + event.path("eventName").asText() + " " + event.path("page").asText()));
            cursor = page.path("nextCursor").isNull() ? null : "&cursor=" + page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactly("dave download ", "bob pageview /", "carol signup ", "carol pageview /pricing",
                "alice pageview /pricing", "alice pageview /", "bob pageview /blog", "alice signup ",
                "alice pageview /pricing", "alice pageview /");
    }

    @Test
    void eventListShowsEachEventsFieldsAndFiltersByNameAndVisitor() {
        JsonNode signups = ask("events", data.tokyo(data.day1, data.day2, "eventName=signup"));
        JsonNode bob = ask("events", data.tokyo(data.day1, data.day2, "visitorId=bob"));

        JsonNode carol = signups.path("events").get(0);
        assertThat(signups.path("events")).hasSize(2);
        assertThat(carol.path("visitorId").asText()).isEqualTo("carol");
        assertThat(carol.path("timestamp").asText()).isEqualTo(
                java.time.Instant.ofEpochMilli(data.at(data.day2, "12:01")).toString());
        assertThat(carol.path("browser").asText()).isEqualTo("Mobile Safari");
        assertThat(carol.path("referrer").asText()).isEqualTo("Twitter");
        assertThat(carol.path("properties").path("plan").asText()).isEqualTo("free");
        assertThat(carol.path("sessionId").asText()).isNotEmpty();
        assertThat(carol.path("id").asText()).isNotEmpty();
        assertThat(bob.path("events")).extracting(e -> e.path("page").asText()).containsExactly("/", "/blog");
        assertThat(bob.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void exportsABreakdownAndTheRawEventsAsCsv() {
        JsonNode browsers = ask("export", data.tokyo(data.day1, data.day2, "format=csv&dataset=browsers"));
        JsonNode events = ask("export", data.tokyo(data.day1, data.day2, "format=csv&dataset=events"));

        assertThat(browsers.path("filename").asText()).isEqualTo("browsers-" + data.day1 + "-" + data.day2 + ".csv");
        assertThat(browsers.path("csv").asText()).isEqualTo("value,visitors,pageviews,events\r\n"
                + "Chrome,2,4,6\r\nFirefox,1,2,2\r\nMobile Safari,1,1,2\r\n");
        assertThat(browsers.path("nextCursor").isNull()).isTrue();
        String[] lines = events.path("csv").asText().split("\r\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).startsWith("id,timestamp,eventName,visitorId,sessionId,page,referrer,utmSource");
        assertThat(String.join("\n", lines)).contains(",signup,carol,").contains("\"{\"\"plan\"\":\"\"free\"\"}\"");
    }

    @Test
    void anotherAccountSeesNoneOfTheseEvents() {
        String range = data.tokyo(data.day1, data.day2, "");
        JsonNode overview = harness.answer("overview", "someone-else", range);
        JsonNode events = harness.answer("events", "someone-else", range);
        JsonNode export = harness.answer("export", "someone-else", range + "&dataset=events");

        assertFigures(overview, 0, 0, 0, 0, 0, 0, 0);
        assertThat(events.path("events")).isEmpty();
        assertThat(export.path("csv").asText().split("\r\n")).hasSize(1);
    }

    private static JsonNode ask(String operation, String query) {
        return harness.answer(operation, SHOP, query);
    }

    static void assertFigures(JsonNode figures, long visitors, long pageviews, long sessions, long events,
                              double bounceRate, double avgSessionSeconds, double viewsPerSession) {
        assertThat(List.of(figures.path("visitors").asLong(), figures.path("pageviews").asLong(),
                figures.path("sessions").asLong(), figures.path("events").asLong()))
                .as("visitors, pageviews, sessions, events").containsExactly(visitors, pageviews, sessions, events);
        assertThat(List.of(figures.path("bounceRate").asDouble(), figures.path("avgSessionSeconds").asDouble(),
                figures.path("viewsPerSession").asDouble()))
                .as("bounceRate, avgSessionSeconds, viewsPerSession")
                .containsExactly(bounceRate, avgSessionSeconds, viewsPerSession);
    }

    static List<String> points(JsonNode series) {
        List<String> points = new ArrayList<>();
        series.path("points").forEach(p -> points.add(p.path("t").asText() + " " + p.path("visitors").asLong() + " "
                + p.path("pageviews").asLong() + " " + p.path("sessions").asLong() + " " + p.path("events").asLong()));
        return points;
    }

    static List<String> rows(JsonNode breakdown) {
        List<String> rows = new ArrayList<>();
        breakdown.path("rows").forEach(r -> rows.add(r.path("value").asText() + " " + r.path("visitors").asLong()
                + " " + (r.path("pageviews").isNull() ? "-" : r.path("pageviews").asText())
                + " " + (r.path("events").isNull() ? "-" : r.path("events").asText())));
        return rows;
    }

    private static List<String> funnel(JsonNode funnel) {
        List<String> steps = new ArrayList<>();
        funnel.path("steps").forEach(s -> steps.add(s.path("step").asText() + " " + s.path("visitors").asLong() + " "
                + s.path("conversionFromStart").asDouble() + " " + s.path("conversionFromPrevious").asDouble()));
        return steps;
    }

    private static String cohort(JsonNode cohort) {
        List<Long> returning = new ArrayList<>();
        cohort.path("returning").forEach(n -> returning.add(n.asLong()));
        return cohort.path("period").asText() + " " + cohort.path("size").asLong() + " " + returning;
    }
}
