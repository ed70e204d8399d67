package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How many visitors went through steps in order, each at or after the previous one and all within the window of
 * the first. Only matching events of the range count.
 */
public final class Funnels {

    /** A page view of one path, or an event of one name. */
    public record Step(boolean pageview, String value) {
    }

    private Funnels() {
    }

    /** Visitors who reached each step. */
    public static long[] reached(SiteQuery query, List<Step> steps, long window) {
        long[] reached = new long[steps.size()];
        if (query.impossible()) {
            return reached;
        }
        SiteCodes codes = query.codes();
        // each step as a bit: page view steps by path code, event steps by name code
        long[] byPath = new long[codes.of(Column.PATH).size()];
        long[] byName = new long[codes.of(Column.NAME).size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int code = step.pageview() ? codes.of(Column.PATH).find(step.value())
                    : codes.of(Column.NAME).find(step.value());
            if (code != Codes.ABSENT) {
                (step.pageview() ? byPath : byName)[code] |= 1L << i;
            }
        }
        // an entry is the time since the range's start above the event's step mask: sorting entries sorts by time
        long from = query.from();
        List<ByVisitor.Part> parts = query.scan(day -> part(day, from, steps.size(), byPath, byName));
        int visitors = query.visitorCount();
        // each thread follows a range of the visitors
        int threads = Math.max(1, query.threads());
        List<CompletableFuture<long[]>> ranges = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int first = (int) ((long) visitors * t / threads);
            int end = (int) ((long) visitors * (t + 1) / threads);
            ranges.add(CompletableFuture.supplyAsync(
                    () -> reachedBy(parts, first, end, steps.size(), window), query.pool()));
        }
        for (CompletableFuture<long[]> range : ranges) {
            long[] part = range.join();
            for (int i = 0; i < reached.length; i++) {
                reached[i] += part[i];
            }
        }
        return reached;
    }

    /** Visitors in [first, end) who reached each step. */
    private static long[] reachedBy(List<ByVisitor.Part> parts, int first, int end, int steps, long window) {
        long[] reached = new long[steps];
        long[] chains = new long[steps + 1];
        // only visitors who took the first step can reach any
        ByVisitor.group(parts, first, end, 1L, (entries, from, to) -> {
            int depth = depth(entries, from, to, steps, window, chains);
            for (int i = 0; i < depth; i++) {
                reached[i]++;
            }
        });
        return reached;
    }

    private static ByVisitor.Part part(DayScan day, long from, int steps, long[] byPath, long[] byName) {
        DayView view = day.view;
        ByVisitor.Part part = new ByVisitor.Part();
        if (day.everyVisit()) {
            addSteps(day, 0, view.size, from, steps, byPath, byName, part);
            return part;
        }
        for (int i = 0, walked = day.visits(); i < walked; i++) {
            if (day.visitPasses(day.visit(i))) {
                addSteps(day, day.first(i), day.end(i), from, steps, byPath, byName, part);
            }
        }
        return part;
    }

    /** The walked events {@code day.events()[first .. end - 1]} that are steps and pass the filters, as entries. */
    private static void addSteps(DayScan day, int first, int end, long from, int steps, long[] byPath, long[] byName,
                                 ByVisitor.Part part) {
        DayView view = day.view;
        int[] names = view.column(Column.NAME);
        int[] paths = view.column(Column.PATH);
        int[] visitors = view.column(Column.VISITOR);
        int[] events = day.events();
        int pageview = day.codes.pageview();
        for (int k = first; k < end; k++) {
            int event = events[k];
            int name = names[event];
            long mask = (name < byName.length ? byName[name] : 0)
                    | (name == pageview && paths[event] < byPath.length ? byPath[paths[event]] : 0);
            if (mask != 0 && day.passes(event)) {
                part.add(visitors[event], entry(view.time(event) - from, steps, mask));
            }
        }
    }

    /** One event of a funnel of {@code steps} steps: its time since the range's start, above its step mask. */
    static long entry(long sinceStart, int steps, long mask) {
        return sinceStart << steps | mask;
    }

    /**
     * How many steps one visitor completed, from its {@link #entry entries} in time order. {@code start[j]} is the
     * latest start of a chain that has done steps 0..j-1: the latest start leaves the most window for the rest.
     */
    static int depth(long[] entries, int from, int to, int steps, long window) {
        return depth(entries, from, to, steps, window, new long[steps + 1]);
    }

    /** {@link #depth}, with {@code start} (at least steps + 1 long) to work in. */
    static int depth(long[] entries, int from, int to, int steps, long window, long[] start) {
        Arrays.fill(start, 0, steps + 1, Long.MIN_VALUE);
        long maskBits = (1L << steps) - 1;
        int best = 0;
        for (int e = from; e < to && best < steps; e++) {
            long time = entries[e] >>> steps;
            long mask = entries[e] & maskBits;
            // the event's later steps, highest first, so that one event completes at most one step of a chain
            for (long later = mask & ~1L; later != 0; later &= ~Long.highestOneBit(later)) {
                int j = 63 - Long.numberOfLeadingZeros(later);
                if (start[j] != Long.MIN_VALUE && time - start[j] <= window) {
                    start[j + 1] = Math.max(start[j + 1], start[j]);
                    best = Math.max(best, j + 1);
                }
            }
            if ((mask & 1L) != 0) {
                start[1] = time;
                best = Math.max(best, 1);
            }
        }
        return best;
    }
}
