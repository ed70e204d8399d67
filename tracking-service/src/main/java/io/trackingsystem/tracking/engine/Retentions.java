package io.trackingsystem.tracking.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Visitors grouped by the period (day or week of the zone) in which the range first saw them; for each cohort,
 * how many were active n periods later. A UTC day overlaps at most two calendar days of any zone, so each day
 * contributes its distinct visitors of each of those two, and an unfiltered whole day's lists are kept for the
 * next query ({@link Summaries}).
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
        List<DayVisitors> parts = query.scan(day -> part(day, days, query));
        int visitors = query.visitorCount();
        int words = (periods + 63) / 64;
        long[] active = new long[visitors * words];
        for (DayVisitors part : parts) {
            for (int half = 0; half < 2; half++) {
                if (part.localDay[half] < 0) {
                    continue;
                }
                int period = (part.localDay[half] + firstPeriod) / periodDays;
                for (int visitor : part.visitors[half]) {
                    active[visitor * words + (period >>> 6)] |= 1L << period;
                }
            }
        }
        for (int v = 0; v < visitors; v++) {
            int cohort = -1;
            for (int w = 0; w < words && cohort < 0; w++) {
                long word = active[v * words + w];
                if (word != 0) {
                    cohort = w * 64 + Long.numberOfTrailingZeros(word);
                }
            }
            if (cohort < 0) {
                continue;
            }
            if (returning[cohort] == null) {
                returning[cohort] = new long[periods - cohort];
            }
            sizes[cohort]++;
            for (int p = cohort; p < periods; p++) {
                if ((active[v * words + (p >>> 6)] & (1L << p)) != 0) {
                    returning[cohort][p - cohort]++;
                }
            }
        }
        return new Cohorts(sizes, returning);
    }

    /**
     * One day's distinct visitors with a matching event, apart for each of the (at most two) calendar days of the
     * zone it overlaps; {@code localDay} is that calendar day's index in the range, or -1.
     */
    private record DayVisitors(int[] localDay, int[][] visitors) implements Summaries.Summary {
        @Override
        public long bytes() {
            return (visitors[0].length + visitors[1].length) * 4L + 64;
        }
    }

    private static DayVisitors part(DayScan day, LocalDays days, SiteQuery query) {
        DayView view = day.view;
        long dayEnd = view.dayStart + DayView.DAY;
        int first = days.index(Math.max(view.dayStart, query.from()));
        int last = days.index(Math.min(dayEnd, query.to()) - 1);
        long boundary = first == last ? Long.MAX_VALUE : days.startOf(last);
        String kind = "retention:" + boundary % DayView.DAY;
        boolean summarised = day.everyEvent();
        if (summarised) {
            DayVisitors known = query.summaries().get(view, kind, null);
            if (known != null) {
                return new DayVisitors(new int[]{first, first == last ? -1 : last}, known.visitors);
            }
        }
        int visitors = query.visitorCount();
        long[] seenBefore = new long[(visitors + 63) / 64];
        long[] seenAfter = first == last ? null : new long[seenBefore.length];
        boolean visitFiltered = day.hasVisitFilters();
        int[] events = day.events();
        for (int i = 0, walked = day.visits(); i < walked; i++) {
            int visit = day.visit(i);
            if (visitFiltered && !day.visitPasses(visit)) {
                continue;
            }
            for (int k = day.first(i), end = day.end(i); k < end; k++) {
                int event = events[k];
                if (day.passes(event)) {
                    int visitor = day.visitor(event);
                    long[] seen = seenAfter != null && view.time(event) >= boundary ? seenAfter : seenBefore;
                    seen[visitor >>> 6] |= 1L << visitor;
                }
            }
        }
        int[][] lists = {members(seenBefore), seenAfter == null ? new int[0] : members(seenAfter)};
        if (summarised) {
            query.summaries().put(view, kind, null, new DayVisitors(new int[2], lists));
        }
        return new DayVisitors(new int[]{first, first == last ? -1 : last}, lists);
    }

    private static int[] members(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        int[] members = new int[count];
        int at = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                members[at++] = w * 64 + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return Arrays.copyOf(members, at);
    }
}
