package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.storage.UtcDays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without filters, the roll-ups and a scan of the raw events must tell the same story, hour by hour: both
 * engines answer the same questions depending only on how the range is cut.
 */
class RollupsAndRawEventsAgreeTest {

    private static StatsHarness harness;
    private static ShopDataset data;
    private static StatsSource source;

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start();
        data = ShopDataset.recent();
        harness.feed("agree", data.events());
        source = StatsSource.open(harness.service.redis(), Duration.ofMinutes(30));
    }

    @AfterAll
    static void stop() {
        source.close();
        harness.close();
    }

    @Test
    void hourlyAndDailyTotalsAgree() {
        StatsQuery query = StatsRequest.of("agree", data.tokyo(data.day1, data.day2, "")).query();
        List<Rollups.Span> hours = new ArrayList<>();
        for (long hour = query.range().start(); hour < query.range().end(); hour += UtcDays.HOUR) {
            hours.add(new Rollups.Span(hour, hour + UtcDays.HOUR));
        }
        List<Rollups.Span> days = List.of(new Rollups.Span(query.range().start(), query.range().start() + UtcDays.DAY),
                new Rollups.Span(query.range().start() + UtcDays.DAY, query.range().end()));

        assertThat(SpanTotals.fromRawEvents(source, query, hours))
                .isEqualTo(source.rollups().totals(query.keys(), hours));
        assertThat(SpanTotals.fromRawEvents(source, query, days))
                .isEqualTo(source.rollups().totals(query.keys(), days))
                .extracting(Rollups.Totals::events).containsExactly(5L, 5L);
    }
}
