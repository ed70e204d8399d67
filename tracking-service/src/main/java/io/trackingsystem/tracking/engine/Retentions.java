package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

import java.util.List;

/**
 * Visitors grouped by the period (day or week of the zone) in which the range first saw them; for each cohort,
 * how many were active n periods later.
 */
public final class Retentions {

    /** {@code sizes[p]} visitors first seen in period p; {@code returning[p][n]} of them active in period p + n. */
    public record Cohorts(long[] sizes, long[][] returning) {
    }

    private Retentions() {
    }

    /**
     * @param days        the zone's calendar days of the range
     * @param firstPeriod days from {@code days.first()} back to the start of the first period (0, or to Monday)
     * @param periodDays  1 or 7
     * @param periods     how many periods the range has
     */
    public static Cohorts of(SiteQuery query, LocalDays days, int firstPeriod, int periodDays, int periods) {
        long[] sizes = new long[periods];
        long[][] returning = new long[periods][];
        if (query.impossible()) {
            return new Cohorts(sizes, returning);
        }
        List<ByVisitor.Part> parts = query.scan(day -> part(day, days, firstPeriod, periodDays));
        int words = (periods + 63) / 64;
        long[] active = new long[words];
        ByVisitor.group(parts, query.codes().of(Column.VISITOR).size(), (times, payloads, from, to) -> {
            java.util.Arrays.fill(active, 0);
            int cohort = Integer.MAX_VALUE;
            for (int i = from; i < to; i++) {
                int period = (int) payloads[i];
                active[period >>> 6] |= 1L << period;
                cohort = Math.min(cohort, period);
            }
            if (returning[cohort] == null) {
                returning[cohort] = new long[periods - cohort];
            }
            sizes[cohort]++;
            for (int p = cohort; p < periods; p++) {
                if ((active[p >>> 6] & (1L << p)) != 0) {
                    returning[cohort][p - cohort]++;
                }
            }
        });
        return new Cohorts(sizes, returning);
    }

    private static ByVisitor.Part part(DayScan day, LocalDays days, int firstPeriod, int periodDays) {
        DayView view = day.view;
        ByVisitor.Part part = new ByVisitor.Part();
        boolean visitFiltered = day.hasVisitFilters();
        for (int visit = 0; visit < view.visits; visit++) {
            if (visitFiltered && !day.visitPasses(visit)) {
                continue;
            }
            long lastPair = -1;
            for (int event = view.visitFirst[visit]; event < view.visitEnd[visit]; event++) {
                if (!day.eventPasses(event)) {
                    continue;
                }
                long time = view.time(event);
                int period = (days.index(time) + firstPeriod) / periodDays;
                int visitor = day.visitor(event);
                long pair = DistinctVisitors.pair(period, visitor);
                if (pair != lastPair) {
                    part.add(visitor, time, period);
                    lastPair = pair;
                }
            }
        }
        return part;
    }
}
