package io.trackingsystem.tracking.stats;

import io.trackingsystem.routes.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsRequestTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void datesAreWholeDaysInTheZoneBothEndsIncluded() {
        TimeRange range = range("from=2024-03-30&to=2024-03-31&tz=Europe/Berlin");

        assertThat(Instant.ofEpochMilli(range.start())).isEqualTo(Instant.parse("2024-03-29T23:00:00Z"));
        // the clocks went forward on the 31st: that day has 23 hours
        assertThat(Instant.ofEpochMilli(range.end())).isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
        assertThat(Instant.ofEpochMilli(range.previousStart())).isEqualTo(Instant.parse("2024-03-27T23:00:00Z"));
    }

    @Test
    void dateTimesAreInstantsAndTheEndIsExcluded() {
        TimeRange offset = range("from=2024-05-01T10:00:00Z&to=2024-05-01T12:30:00Z");
        TimeRange local = range("from=2024-05-01T10:00&to=2024-05-01T12:30&tz=Asia/Tokyo");

        assertThat(Instant.ofEpochMilli(offset.start())).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(offset.end())).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(Instant.ofEpochMilli(offset.previousStart())).isEqualTo(Instant.parse("2024-05-01T07:30:00Z"));
        assertThat(Instant.ofEpochMilli(local.start())).isEqualTo(Instant.parse("2024-05-01T01:00:00Z"));
    }

    @Test
    void withoutARangeItIsTheLastSevenDaysUpToToday() {
        TimeRange range = range("tz=America/New_York");

        assertThat(range.firstDate()).isEqualTo(LocalDate.parse("2024-06-09"));
        assertThat(range.lastDate()).isEqualTo(LocalDate.parse("2024-06-15"));
        assertThat(range.zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aRangeOfExactlyTheLongestLengthPasses() {
        assertThat(range("from=2022-01-01&to=2024-01-01").lastDate()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThatThrownBy(() -> range("from=2022-01-01&to=2024-01-02")).isInstanceOf(ProblemException.class);
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> StatsRequest.of("acc", "from=soon&tz=Nowhere/Land&filter=colour:red", NOON).query())
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().extensions()
                        .get("errors").toString()).contains("from", "tz", "filter"));
    }

    @Test
    void propertyFiltersKeepTheKeyAndValuesMayHoldColons() {
        StatsQuery query = StatsRequest.of("acc", "filter=property:url:https%3A%2F%2Fx.io&filter=page:/a:b", NOON)
                .query();

        assertThat(query.filters()).extracting(io.trackingsystem.tracking.engine.Filter::toString).containsExactly("property:url:https://x.io",
                "page:/a:b");
    }

    private static TimeRange range(String query) {
        return StatsRequest.of("acc", query, NOON).query().range();
    }
}
