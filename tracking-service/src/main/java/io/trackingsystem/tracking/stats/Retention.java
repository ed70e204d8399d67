package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.LocalDays;
import io.trackingsystem.tracking.engine.Retentions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.MONDAY;

/**
 * Visitors grouped by the day or week (from Monday, in the request's zone) they were first seen in the range;
 * {@code returning[n]} of a cohort counts its visitors active n periods later, so {@code returning[0]} is its
 * size. A cohort's list ends with the range's last period. Empty cohorts are left out.
 */
public final class Retention {

    private static final Set<String> INTERVALS = Set.of("day", "week");

    private final StatsSource source;

    public Retention(StatsSource source) {
        this.source = source;
    }

    public record Cohort(String period, long size, List<Long> returning) {
    }

    public record Answer(String interval, List<Cohort> cohorts) {
    }

    public Answer answer(StatsRequest request) {
        boolean weekly = "week".equals(request.choice("interval", INTERVALS, "day"));
        StatsQuery query = request.query();
        TimeRange range = query.range();
        LocalDate firstPeriod = weekly ? range.firstDate().with(TemporalAdjusters.previousOrSame(MONDAY))
                : range.firstDate();
        int periods = period(firstPeriod, range.lastDate(), weekly) + 1;
        LocalDays days = new LocalDays(range.start(), range.end(), range.zone());
        int offset = (int) ChronoUnit.DAYS.between(firstPeriod, days.first());
        Retentions.Cohorts cohorts = Retentions.of(source.over(query, range.start(), range.end()), days, offset,
                weekly ? 7 : 1, periods);
        List<Cohort> answer = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            if (cohorts.sizes()[p] > 0) {
                List<Long> counts = new ArrayList<>(cohorts.returning()[p].length);
                for (long count : cohorts.returning()[p]) {
                    counts.add(count);
                }
                LocalDate start = weekly ? firstPeriod.plusWeeks(p) : firstPeriod.plusDays(p);
                answer.add(new Cohort(start.toString(), cohorts.sizes()[p], counts));
            }
        }
        return new Answer(weekly ? "week" : "day", answer);
    }

    private static int period(LocalDate first, LocalDate date, boolean weekly) {
        long days = ChronoUnit.DAYS.between(first, date);
        return (int) (weekly ? days / 7 : days);
    }
}
