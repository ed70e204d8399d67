package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline figures of spans of time: events, page views and distinct visitors of the matching events in each
 * span; the sessions that began in each span and have a matching event anywhere in the query's range, with their
 * bounces and durations over the whole session. What the overview and the time series show.
 */
public final class Totals {

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
        List<Part> parts = query.scan(day -> part(day, starts, ends));
        long[] events = new long[count];
        long[] pageviews = new long[count];
        long[] sessions = new long[count];
        long[] bounces = new long[count];
        long[] durations = new long[count];
        List<LongList> visitors = new ArrayList<>(parts.size());
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
                if (chainsCounted.add(packed)) {
                    int span = spanOf(part.chainStart.get(c), starts, ends);
                    sessions[span]++;
                    bounces[span] += part.chainBounced.get(c);
                    durations[span] += part.chainDuration.get(c);
                }
            }
        }
        long[] distinct = query.impossible() ? new long[count]
                : DistinctVisitors.count(visitors, count, query.codes().of(
                        io.trackingsystem.tracking.catalogue.Column.VISITOR).size(), query.pool(), query.threads());
        List<Figures> figures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            figures.add(new Figures(events[i], pageviews[i], sessions[i], bounces[i], durations[i], distinct[i]));
        }
        return figures;
    }

    private static Part part(DayScan day, long[] starts, long[] ends) {
        DayView view = day.view;
        Part part = new Part(starts.length);
        boolean visitFiltered = day.hasVisitFilters();
        for (int visit = 0; visit < view.visits; visit++) {
            if (visitFiltered && !day.visitPasses(visit)) {
                continue;
            }
            boolean matched = false;
            long lastPair = -1;
            for (int event = view.visitFirst[visit]; event < view.visitEnd[visit]; event++) {
                if (!day.eventPasses(event)) {
                    continue;
                }
                int span = spanOf(view.time(event), starts, ends);
                if (span < 0) {
                    continue;
                }
                matched = true;
                part.events[span]++;
                if (day.isPageview(event)) {
                    part.pageviews[span]++;
                }
                long pair = DistinctVisitors.pair(span, day.visitor(event));
                if (pair != lastPair) {
                    part.visitors.add(pair);
                    lastPair = pair;
                }
            }
            if (matched) {
                Sessions.Chain chain = day.sessions.chain(view, visit);
                if (chain == null) {
                    int span = spanOf(view.visitStart(visit), starts, ends);
                    if (span >= 0) {
                        part.sessions[span]++;
                        part.bounces[span] += day.sessions.bounced(view, visit) ? 1 : 0;
                        part.durations[span] += day.sessions.duration(view, visit);
                    }
                } else if (spanOf(chain.start(), starts, ends) >= 0) {
                    part.chains.add(day.sessions.origin(view, visit));
                    part.chainStart.add(chain.start());
                    part.chainBounced.add(chain.events() == 1 && chain.pageviews() == 1 ? 1 : 0);
                    part.chainDuration.add(chain.last() - chain.start());
                }
            }
        }
        return part;
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
        final LongList visitors = new LongList(1024);
        final LongList chains = new LongList(16);
        final LongList chainStart = new LongList(16);
        final LongList chainBounced = new LongList(16);
        final LongList chainDuration = new LongList(16);

        Part(int spans) {
            events = new long[spans];
            pageviews = new long[spans];
            sessions = new long[spans];
            bounces = new long[spans];
            durations = new long[spans];
        }
    }
}
