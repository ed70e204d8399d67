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
        StepKeys keys = StepKeys.of(byPath, byName, codes.pageview());
        ByVisitor.Layout layout = ByVisitor.Layout.of(query.visitorCount());
        List<ByVisitor.Part> parts = query.scan(day -> part(day, from, steps.size(), keys, layout));
        // each thread follows a range of the visitor partitions
        int threads = Math.max(1, query.threads());
        List<CompletableFuture<long[]>> ranges = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int first = layout.partitions() * t / threads;
            int end = layout.partitions() * (t + 1) / threads;
            ranges.add(CompletableFuture.supplyAsync(
                    () -> reachedBy(parts, layout, first, end, steps.size(), window), query.pool()));
        }
        for (CompletableFuture<long[]> range : ranges) {
            long[] part = range.join();
            for (int i = 0; i < reached.length; i++) {
                reached[i] += part[i];
            }
        }
        return reached;
    }

    /** Visitors of partitions [first, end) who reached each step. */
    private static long[] reachedBy(List<ByVisitor.Part> parts, ByVisitor.Layout layout, int first, int end,
                                    int steps, long window) {
        long[] reached = new long[steps];
        long[] chains = new long[steps + 1];
        // only visitors who took the first step can reach any
        ByVisitor.group(parts, layout, first, end, 1L, (entries, from, to) -> {
            int depth = depth(entries, from, to, steps, window, chains);
            for (int i = 0; i < depth; i++) {
                reached[i]++;
            }
        });
        return reached;
    }

    /**
     * The steps as {@link EventsByStep} keys, each with the mask of the steps it matches. An event step named like
     * page views matches every page view whatever its path; such a funnel has no keys and scans the whole day.
     */
    private record StepKeys(int[] keys, long[] masks, long[] byPath, long[] byName) {

        static StepKeys of(long[] byPath, long[] byName, int pageview) {
            if (pageview < byName.length && byName[pageview] != 0) {
                return new StepKeys(null, null, byPath, byName);
            }
            int count = 0;
            for (long mask : byPath) {
                count += mask != 0 ? 1 : 0;
            }
            for (long mask : byName) {
                count += mask != 0 ? 1 : 0;
            }
            int[] each = new int[count];
            long[] masks = new long[count];
            int k = 0;
            for (int code = 0; code < byPath.length; code++) {
                if (byPath[code] != 0) {
                    each[k] = EventsByStep.pageview(code);
                    masks[k++] = byPath[code];
                }
            }
            for (int code = 0; code < byName.length; code++) {
                if (byName[code] != 0) {
                    each[k] = EventsByStep.named(code);
                    masks[k++] = byName[code];
                }
            }
            return new StepKeys(each, masks, byPath, byName);
        }

        boolean wholeDay() {
            return keys == null;
        }
    }

    /** The day's events that are steps and pass the filters, as entries. */
    private static ByVisitor.Part part(DayScan day, long from, int steps, StepKeys keys, ByVisitor.Layout layout) {
        if (keys.wholeDay()) {
            return wholeDay(day, from, steps, keys.byPath(), keys.byName(), layout);
        }
        DayView view = day.view;
        EventsByStep index = view.bySteps(day.codes.pageview());
        int[] events = index.events();
        int candidates = 0;
        for (int key : keys.keys()) {
            candidates += index.end(key) - index.first(key);
        }
        ByVisitor.Part part = new ByVisitor.Part(layout, candidates);
        int[] visitors = view.column(Column.VISITOR);
        // each visit's filters, settled the first time one of its events is a candidate: 0 not yet, 1 passes, 2 not
        byte[] visitPass = day.hasVisitFilters() ? new byte[view.visits] : null;
        for (int k = 0; k < keys.keys().length; k++) {
            int key = keys.keys()[k];
            long mask = keys.masks()[k];
            for (int i = index.first(key), end = index.end(key); i < end; i++) {
                int event = events[i];
                if (visitPass != null && !passes(day, view.visitOf[event], visitPass)) {
                    continue;
                }
                if (day.eventPasses(event)) {
                    part.add(visitors[event], entry(view.time(event) - from, steps, mask));
                }
            }
        }
        return part;
    }

    /** {@link #part} by reading every event of the day. */
    private static ByVisitor.Part wholeDay(DayScan day, long from, int steps, long[] byPath, long[] byName,
                                           ByVisitor.Layout layout) {
        DayView view = day.view;
        int[] names = view.column(Column.NAME);
        int[] paths = view.column(Column.PATH);
        int[] visitors = view.column(Column.VISITOR);
        int pageview = day.codes.pageview();
        ByVisitor.Part part = new ByVisitor.Part(layout, day.view.size / 4);
        for (int visit = 0; visit < view.visits; visit++) {
            if (day.hasVisitFilters() && !day.visitPasses(visit)) {
                continue;
            }
            for (int event = view.visitFirst[visit]; event < view.visitEnd[visit]; event++) {
                int name = names[event];
                long mask = (name < byName.length ? byName[name] : 0)
                        | (name == pageview && paths[event] < byPath.length ? byPath[paths[event]] : 0);
                if (mask != 0 && day.eventPasses(event)) {
                    part.add(visitors[event], entry(view.time(event) - from, steps, mask));
                }
            }
        }
        return part;
    }

    private static boolean passes(DayScan day, int visit, byte[] visitPass) {
        if (visitPass[visit] == 0) {
            visitPass[visit] = (byte) (day.visitPasses(visit) ? 1 : 2);
        }
        return visitPass[visit] == 1;
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
