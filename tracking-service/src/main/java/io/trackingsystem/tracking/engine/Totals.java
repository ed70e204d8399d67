package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline figures of spans of time: events, page views and distinct visitors of the matching events in each
 * span; the sessions that began in each span and have a matching event anywhere in the query's range, with their
 * bounces and durations over the whole session. What the overview and the time series show.
 */
public final class Totals {

    private static final String SUMMARY = "totals";

    /** [start, end) in epoch ms. */
    public record Span(long start, long end) {
    }

    public record Figures(long events, long pageviews, long sessions, long bounces, long durationMillis,
                          long visitors) {
    }

    private Totals() {
    }

    /** {@code spans} sorted, disjoint and inside the query's range; one result per span. */
    public static List<Figures> of(SiteQuery query, List<Span> spans) {
        int count = spans.size();
        long[] starts = new long[count];
        long[] ends = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = spans.get(i).start();
            ends[i] = spans.get(i).end();
        }
        List<Part> parts = query.scan(day -> part(day, starts, ends, query));
        long[] events = new long[count];
        long[] pageviews = new long[count];
        long[] sessions = new long[count];
        long[] bounces = new long[count];
        long[] durations = new long[count];
        List<DistinctVisitors.Pairs> visitors = new ArrayList<>(parts.size());
        LongSet chainsCounted = new LongSet(64);
        for (Part part : parts) {
            for (int i = 0; i < count; i++) {
                events[i] += part.events[i];
                pageviews[i] += part.pageviews[i];
                sessions[i] += part.sessions[i];
                bounces[i] += part.bounces[i];
                durations[i] += part.durations[i];
            }
            visitors.add(part.visitors);
            for (int c = 0; c < part.chains.size(); c++) {
                long packed = part.chains.get(c);
                int span = spanOf(part.chainStart.get(c), starts, ends);
                if (span >= 0 && chainsCounted.add(packed)) {
                    sessions[span]++;
                    bounces[span] += part.chainBounced.get(c);
                    durations[span] += part.chainDuration.get(c);
                }
            }
        }
        long[] distinct = query.impossible() ? new long[count] : DistinctVisitors.count(visitors, count, query);
        List<Figures> figures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            figures.add(new Figures(events[i], pageviews[i], sessions[i], bounces[i], durations[i], distinct[i]));
        }
        return figures;
    }

    private static Part part(DayScan day, long[] allStarts, long[] allEnds, SiteQuery query) {
        DayView view = day.view;
        Part part = new Part(allStarts.length, DistinctVisitors.pairs(query, view.visits));
        // only the spans overlapping this day; one covering it all needs no search per event
        int first = 0;
        while (first < allEnds.length && allEnds[first] <= view.dayStart) {
            first++;
        }
        int last = first;
        while (last + 1 < allStarts.length && allStarts[last + 1] < view.dayStart + DayView.DAY) {
            last++;
        }
        if (first >= allStarts.length) {
            return part;
        }
        long[] starts = java.util.Arrays.copyOfRange(allStarts, first, last + 1);
        long[] ends = java.util.Arrays.copyOfRange(allEnds, first, last + 1);
        int whole = starts.length == 1 && starts[0] <= view.dayStart && ends[0] >= view.dayStart + DayView.DAY
                ? first : -1;
        Object links = day.sessions.linksOf(view);
        boolean summarised = whole >= 0 && day.everyEvent();
        if (summarised) {
            DaySummary known = query.summaries().get(view, SUMMARY, links);
            if (known != null) {
                return known.asPart(allStarts.length, whole, query);
            }
        }
        boolean visitFiltered = day.hasVisitFilters();
        int[] events = day.events();
        for (int i = 0, walked = day.visits(); i < walked; i++) {
            int visit = day.visit(i);
            if (visitFiltered && !day.visitPasses(visit)) {
                continue;
            }
            boolean matched = false;
            for (int k = day.first(i), end = day.end(i); k < end; k++) {
                int event = events[k];
                if (!day.passes(event)) {
                    continue;
                }
                int span = whole >= 0 ? whole : spanOf(view.time(event), starts, ends);
                if (span < 0) {
                    continue;
                }
                span = whole >= 0 ? whole : span + first;
                matched = true;
                part.events[span]++;
                if (day.isPageview(event)) {
                    part.pageviews[span]++;
                }
                part.visitors.add(span, day.visitor(event));
            }
            if (matched) {
                Sessions.Chain chain = day.sessions.chain(view, visit);
                if (chain == null) {
                    long start = view.visitStart(visit);
                    int span = spanOf(start, allStarts, allEnds);
                    if (span >= 0) {
                        part.sessions[span]++;
                        part.bounces[span] += view.visitEvents(visit) == 1 && view.visitPageviews[visit] == 1 ? 1 : 0;
                        part.durations[span] += view.visitLast(visit) - start;
                    }
                } else {
                    part.chains.add(day.sessions.origin(view, visit));
                    part.chainStart.add(chain.start());
                    part.chainBounced.add(chain.events() == 1 && chain.pageviews() == 1 ? 1 : 0);
                    part.chainDuration.add(chain.last() - chain.start());
                }
            }
        }
        if (summarised) {
            query.summaries().put(view, SUMMARY, links, DaySummary.of(part, whole));
        }
        return part;
    }

    /** A whole day's figures with no filter, as the next unfiltered query over that day will want them again. */
    private record DaySummary(long events, long pageviews, long sessions, long bounces, long durations,
                              long[] chains, long[] chainStart, long[] chainBounced, long[] chainDuration,
                              int[] visitors) implements Summaries.Summary {

        static DaySummary of(Part part, int span) {
            long[] pairs = part.visitors.distinct();
            int[] visitors = new int[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                visitors[i] = (int) pairs[i];
            }
            return new DaySummary(part.events[span], part.pageviews[span], part.sessions[span], part.bounces[span],
                    part.durations[span], part.chains.toArray(), part.chainStart.toArray(),
                    part.chainBounced.toArray(), part.chainDuration.toArray(), visitors);
        }

        Part asPart(int spans, int span, SiteQuery query) {
            Part part = new Part(spans, DistinctVisitors.pairs(query, visitors.length));
            part.events[span] = events;
            part.pageviews[span] = pageviews;
            part.sessions[span] = sessions;
            part.bounces[span] = bounces;
            part.durations[span] = durations;
            for (int i = 0; i < chains.length; i++) {
                part.chains.add(chains[i]);
                part.chainStart.add(chainStart[i]);
                part.chainBounced.add(chainBounced[i]);
                part.chainDuration.add(chainDuration[i]);
            }
            for (int visitor : visitors) {
                part.visitors.add(span, visitor);
            }
            return part;
        }

        @Override
        public long bytes() {
            return visitors.length * 4L + chains.length * 32L + 96;
        }
    }

    static int spanOf(long time, long[] starts, long[] ends) {
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (time < starts[middle]) {
                high = middle - 1;
            } else if (time >= ends[middle]) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** One day's share. Sessions of several days are reported by their origin, to be counted once. */
    private static final class Part {
        final long[] events;
        final long[] pageviews;
        final long[] sessions;
        final long[] bounces;
        final long[] durations;
        final DistinctVisitors.Pairs visitors;
        final LongList chains = new LongList(16);
        final LongList chainStart = new LongList(16);
        final LongList chainBounced = new LongList(16);
        final LongList chainDuration = new LongList(16);

        Part(int spans, DistinctVisitors.Pairs visitors) {
            this.visitors = visitors;
            events = new long[spans];
            pageviews = new long[spans];
            sessions = new long[spans];
            bounces = new long[spans];
            durations = new long[spans];
        }
    }
}
