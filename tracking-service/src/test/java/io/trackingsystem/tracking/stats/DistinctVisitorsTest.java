package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.storage.TrackingKeys;
import io.trackingsystem.tracking.storage.UtcDays;
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
 * Visitors over a range are distinct across its days, whichever structure answers: the exact visitor sets, or
 * the HyperLogLogs once a set overflowed (here after 3 members) or the sets are too large to unite.
 */
class DistinctVisitorsTest {

    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(5);
    private static final String RANGE = "from=" + DAY + "&to=" + DAY.plusDays(1);
    private static StatsHarness harness;

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start(Map.of("EXACT_VISITORS_LIMIT", "3"));
        long first = DAY.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        long second = first + UtcDays.DAY;
        List<TestEvents> events = new ArrayList<>();
        for (String visitor : List.of("a", "b", "c", "d", "e")) {
            events.add(pageview(visitor, "https://shop.example/", first));
        }
        // two visitors of the first day come back; one small day stays exact
        events.add(pageview("a", "https://shop.example/", second));
        events.add(pageview("b", "https://shop.example/", second));
        harness.feed("big", events);
        harness.feed("small", List.of(pageview("a", "https://shop.example/", first),
                pageview("b", "https://shop.example/", first), pageview("a", "https://shop.example/", second)));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void anOverflowedDayIsCountedFromItsHyperLogLog() throws Exception {
        String flag = harness.service.redis().async().hget(TrackingKeys.of("big").totals(UtcDays.day(
                DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())), TrackingKeys.DAY_SET_OVERFLOWED).get();

        assertThat(flag).as("the first day's exact set overflowed").isNotNull();
        assertThat(harness.answer("overview", "big", RANGE).path("visitors").asLong()).isEqualTo(5);
        assertThat(harness.answer("overview", "big", RANGE + "&tz=Asia/Tokyo").path("visitors").asLong())
                .isEqualTo(5);
    }

    @Test
    void exactSetsAreUnitedAcrossDays() {
        assertThat(harness.answer("overview", "small", RANGE).path("visitors").asLong()).isEqualTo(2);
    }

    @Test
    void setsTooLargeToUniteFallBackToTheHyperLogLogs() {
        try (StatsSource source = StatsSource.open(harness.service.redis())) {
            StatsQuery query = StatsRequest.of("small", RANGE).query();
            Rollups tight = new Rollups(harness.service.redis().async(), 2);
            List<Rollups.Span> whole = List.of(new Rollups.Span(query.range().start(), query.range().end()));

            assertThat(tight.totals(query.keys(), whole).get(0).visitors()).isEqualTo(2);
            assertThat(source.rollups().totals(query.keys(), whole).get(0).visitors()).isEqualTo(2);
        }
    }
}
