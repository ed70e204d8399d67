package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
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

    /**
     * Visitors' active periods are gathered this many bytes at a time, so that they stay in a core's cache while
     * each day's visitor lists, which ascend, are read once.
     */
    private static final int BLOCK_BYTES = 64 * 1024;

    private Retentions() {
    }

    /**
     * @param days        the zone's calendar days of the range
     * @param firstPeriod days from {@code days.first()} back to the start of the first period (0, or to Monday)
     * @param periodDays  1 or 7
     * @param periods     how many periods the range has
     */
    public static Cohorts of(SiteQuery query, LocalDays days, int firstPeriod, int periodDays, int periods) {
        if (query.impossible()) {
            return new Cohorts(new long[periods], new long[periods][]);
        }
        List<DayVisitors> parts = query.scan(day -> part(day, days, query));
        // each day's one or two lists of visitors, each with the period it falls in
        List<int[]> lists = new ArrayList<>();
        List<Integer> listPeriods = new ArrayList<>();
        for (DayVisitors part : parts) {
            for (int half = 0; half < 2; half++) {
                if (part.localDay[half] >= 0) {
                    lists.add(part.visitors[half]);
                    listPeriods.add((part.localDay[half] + firstPeriod) / periodDays);
                }
            }
        }
        int words = (periods + 63) / 64;
        return cohorts(lists, listPeriods, query.visitorCount(), periods,
                Math.max(64, BLOCK_BYTES / (Long.BYTES * words)));
    }

    /**
     * The cohorts of visitors {@code [0, visitors)} from lists of visitors active in a period, each list ascending:
     * a block of {@code block} visitors' active periods at a time, each list read on from where the last block
     * stopped.
     */
    static Cohorts cohorts(List<int[]> lists, List<Integer> listPeriods, int visitors, int periods, int block) {
        long[] sizes = new long[periods];
        long[][] returning = new long[periods][];
        int words = (periods + 63) / 64;
        long[] active = new long[Math.min(block, visitors) * words];
        int[] at = new int[lists.size()];
        for (int blockFirst = 0; blockFirst < visitors; blockFirst += block) {
            int blockEnd = Math.min(visitors, blockFirst + block);
            Arrays.fill(active, 0);
            for (int l = 0; l < at.length; l++) {
                int[] list = lists.get(l);
                int period = listPeriods.get(l);
                int word = period >>> 6;
                long bit = 1L << period;
                int i = at[l];
                for (; i < list.length && list[i] < blockEnd; i++) {
                    active[(list[i] - blockFirst) * words + word] |= bit;
                }
                at[l] = i;
            }
            count(active, blockEnd - blockFirst, words, sizes, returning);
        }
        return new Cohorts(sizes, returning);
    }

    /** Adds to the cohorts the first {@code visitors} visitors' active periods, {@code words} longs each. */
    private static void count(long[] active, int visitors, int words, long[] sizes, long[][] returning) {
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
                returning[cohort] = new long[sizes.length - cohort];
            }
            sizes[cohort]++;
            // the visitor's active periods, its cohort's the first of them
            for (int w = cohort >>> 6; w < words; w++) {
                for (long word = active[v * words + w]; word != 0; word &= word - 1) {
                    returning[cohort][w * 64 + Long.numberOfTrailingZeros(word) - cohort]++;
                }
            }
        }
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
