package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Analytics API answer of the engine against {@link ReferenceAnalytics} on a generated month of over
 * 200,000 events ({@link OracleDataset}), in five zones (whole, half-hour and 45-minute offsets, and daylight
 * saving), with filters on every kind of dimension. The events arrive shuffled, in two waves (the second all
 * late for days already queried and compacted), with duplicates, and two replicas share both the processing and
 * the queries. The answers must be identical.
 */
class EngineMatchesReferenceTest {

    private static final String SITE = "oracle-site";
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"));
    private static final List<List<String>> FILTERS = List.of(List.of(), List.of("page:/pricing"),
            List.of("referrer:Google"), List.of("referrer:(direct)"), List.of("browser:Firefox"),
            List.of("entryPage:/"), List.of("exitPage:/pricing"), List.of("utmCampaign:spring"),
            List.of("property:plan:pro"), List.of("eventName:signup"), List.of("country:GB"),
            List.of("region:US-CA", "city:San Francisco"), List.of("page:/docs/a", "device:desktop", "referrer:Google"));
    private static final List<String> DIMENSIONS = List.of("page", "entryPage", "exitPage", "referrer", "utmSource",
            "utmMedium", "utmCampaign", "utmTerm", "utmContent", "browser", "os", "device", "screen", "language",
            "country", "region", "city", "eventName", "property:plan", "property:value");

    private static StatsHarness harness;
    private static OracleDataset data;
    private static ReferenceAnalytics reference;

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start(Map.of("COMPACTION_DELAY_MS", "1000", "WORKER_BATCH_SIZE", "700"), 2);
        data = new OracleDataset(20_261_202L, 32_000);
        List<OracleDataset.Sent> shuffled = new ArrayList<>(data.events);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(shuffled).hasSizeGreaterThan(200_000);
        reference = new ReferenceAnalytics(shuffled.stream().map(OracleDataset.Sent::event).toList());

        int firstWave = shuffled.size() * 7 / 10;
        List<String> first = shuffled.subList(0, firstWave).stream().map(OracleDataset.Sent::json).toList();
        harness.send(SITE, first, first.size());
        // queried once, so every day is read and cached before the late events arrive
        ask("overview", range(data.firstDay, data.lastDay, ZoneId.of("UTC")), List.of());

        List<String> late = new ArrayList<>(shuffled.subList(firstWave, shuffled.size()).stream()
                .map(OracleDataset.Sent::json).toList());
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            late.add(shuffled.get(random.nextInt(shuffled.size())).json());
        }
        Collections.shuffle(late, random);
        harness.send(SITE, late, shuffled.size() - firstWave);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void overviewsAgreeInEveryZoneWithEveryFilter() {
        for (ZoneId zone : ZONES) {
            for (List<String> filters : FILTERS) {
                for (LocalDate[] dates : ranges()) {
                    compare("overview", range(dates[0], dates[1], zone), filters, "",
                            reference.overview(ReferenceAnalytics.Range.of(dates[0], dates[1], zone),
                                    parsed(filters)));
                }
            }
        }
    }

    @Test
    void timeSeriesAgreeAtEveryInterval() {
        for (ZoneId zone : ZONES) {
            for (List<String> filters : List.of(FILTERS.get(0), FILTERS.get(2), FILTERS.get(12))) {
                for (String interval : List.of("hour", "day", "week", "month")) {
                    LocalDate from = interval.equals("hour") ? data.lastDay.minusDays(2) : data.firstDay;
                    compare("timeseries", range(from, data.lastDay, zone), filters, "&interval=" + interval,
                            reference.timeseries(ReferenceAnalytics.Range.of(from, data.lastDay, zone), interval,
                                    parsed(filters)));
                }
            }
        }
    }

    @Test
    void breakdownsOfEveryDimensionAgree() {
        for (ZoneId zone : List.of(ZONES.get(0), ZONES.get(2), ZONES.get(4))) {
            List<List<String>> filterSets = zone.equals(ZONES.get(0)) ? FILTERS
                    : List.of(FILTERS.get(0), FILTERS.get(3), FILTERS.get(6));
            for (List<String> filters : filterSets) {
                for (String dimension : DIMENSIONS) {
                    compare("breakdown", range(data.firstDay, data.lastDay, zone), filters,
                            "&limit=1000&dimension=" + encode(dimension),
                            reference.breakdown(ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone),
                                    dimension, 1000, parsed(filters)));
                }
            }
        }
        LocalDate day = data.lastDay.minusDays(3);
        for (String dimension : DIMENSIONS) {
            compare("breakdown", range(day, day, ZONES.get(3)), List.of(), "&limit=3&dimension=" + encode(dimension),
                    reference.breakdown(ReferenceAnalytics.Range.of(day, day, ZONES.get(3)), dimension, 3,
                            List.of()));
        }
    }

    @Test
    void funnelsAgree() {
        List<List<String>> funnels = List.of(List.of("pageview:/", "pageview:/pricing"),
                List.of("pageview:/", "pageview:/pricing", "event:signup"),
                List.of("pageview:/", "pageview:/docs", "pageview:/docs/a", "pageview:/docs/b", "event:download",
                        "pageview:/pricing", "pageview:/signup", "event:checkout"),
                // a step named like page views takes every page view; a step may come back
                List.of("pageview:/", "event:pageview", "event:signup", "pageview:/"));
        for (ZoneId zone : List.of(ZONES.get(0), ZONES.get(1))) {
            for (List<String> steps : funnels) {
                for (String window : List.of("30m", "1d", "7d")) {
                    // no filter, an event-level one, a visit-level one
                    for (List<String> filters : List.of(FILTERS.get(0), FILTERS.get(4), FILTERS.get(2))) {
                        String query = steps.stream().map(s -> "&step=" + encode(s)).collect(Collectors.joining())
                                + "&window=" + window;
                        compare("funnel", range(data.firstDay, data.lastDay, zone), filters, query,
                                reference.funnel(ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone),
                                        steps, windowMillis(window), parsed(filters)));
                    }
                }
            }
        }
    }

    @Test
    void retentionAgreesByDayAndWeek() {
        for (ZoneId zone : ZONES) {
            for (boolean weekly : List.of(false, true)) {
                for (List<String> filters : List.of(FILTERS.get(0), FILTERS.get(3), FILTERS.get(11))) {
                    compare("retention", range(data.firstDay, data.lastDay, zone), filters,
                            "&interval=" + (weekly ? "week" : "day"),
                            reference.retention(ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone),
                                    weekly, parsed(filters)));
                }
            }
        }
    }

    @Test
    void theEventListPagesThroughEveryMatchingEventNewestFirst() throws Exception {
        for (List<String> filters : List.of(FILTERS.get(1), FILTERS.get(7))) {
            ZoneId zone = ZONES.get(2);
            ReferenceAnalytics.Range range = ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone);
            List<ReferenceAnalytics.Event> expected = new ArrayList<>(reference.listed(range, parsed(filters)));
            Collections.reverse(expected);
            List<JsonNode> listed = new ArrayList<>();
            String cursor = "";
            do {
                JsonNode page = ask("events", range(data.firstDay, data.lastDay, zone), filters,
                        "&limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
                page.path("events").forEach(listed::add);
                cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asText();
            } while (!cursor.isEmpty());
            assertThat(listed).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(listed.get(i)).as("event %d of %s", i, filters)
                        .isEqualTo(normalised(reference.described(expected.get(i))));
            }
        }
    }

    @Test
    void theEventsExportHoldsEveryMatchingEventOldestFirst() {
        ZoneId zone = ZONES.get(1);
        List<String> filters = FILTERS.get(4);
        ReferenceAnalytics.Range range = ReferenceAnalytics.Range.of(data.firstDay, data.lastDay, zone);
        StringBuilder expected = new StringBuilder();
        Csv.row(expected, List.of("id", "timestamp", "eventName", "visitorId", "sessionId", "page", "referrer",
                "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "browser", "os", "device", "screen",
                "language", "country", "region", "city", "properties"));
        reference.listed(range, parsed(filters)).forEach(event -> Csv.row(expected, reference.cells(event)));
        StringBuilder exported = new StringBuilder();
        String cursor = "";
        do {
            JsonNode piece = ask("export", range(data.firstDay, data.lastDay, zone), filters,
                    "&format=csv&dataset=events" + (cursor.isEmpty() ? "" : "&cursor=" + encode(cursor)));
            exported.append(piece.path("csv").asText());
            cursor = piece.path("nextCursor").isNull() ? "" : piece.path("nextCursor").asText();
        } while (!cursor.isEmpty());
        assertThat(exported.toString()).isEqualTo(expected.toString());
    }

    private static void compare(String operation, String range, List<String> filters, String more,
                                JsonNode expected) {
        JsonNode answer = ask(operation, range, filters, more);
        assertThat(answer).as("%s %s %s %s", operation, range, filters, more).isEqualTo(normalised(expected));
    }

    private static JsonNode ask(String operation, String range, List<String> filters) {
        return ask(operation, range, filters, "");
    }

    private static JsonNode ask(String operation, String range, List<String> filters, String more) {
        String query = range + filters.stream().map(f -> "&filter=" + encode(f)).collect(Collectors.joining())
                + more;
        return harness.answer(operation, SITE, query);
    }

    /** The reference's JSON read back as the API's is, so that numbers compare alike. */
    private static JsonNode normalised(JsonNode node) {
        try {
            return ReferenceAnalytics.JSON.readTree(node.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LocalDate[]> ranges() {
        return List.of(new LocalDate[]{data.firstDay, data.lastDay},
                new LocalDate[]{data.lastDay.minusDays(6), data.lastDay},
                new LocalDate[]{data.lastDay.minusDays(10), data.lastDay.minusDays(10)});
    }

    private static String range(LocalDate from, LocalDate to, ZoneId zone) {
        return "from=" + from + "&to=" + to + "&tz=" + encode(zone.getId());
    }

    private static List<ReferenceAnalytics.Filter> parsed(List<String> filters) {
        List<ReferenceAnalytics.Filter> parsed = new ArrayList<>();
        for (String filter : filters) {
            int split = filter.startsWith("property:") ? filter.indexOf(':', 9) : filter.indexOf(':');
            parsed.add(new ReferenceAnalytics.Filter(filter.substring(0, split), filter.substring(split + 1)));
        }
        return parsed;
    }

    private static long windowMillis(String window) {
        long amount = Long.parseLong(window.substring(0, window.length() - 1));
        return switch (window.charAt(window.length() - 1)) {
            case 'm' -> amount * 60_000;
            case 'h' -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
