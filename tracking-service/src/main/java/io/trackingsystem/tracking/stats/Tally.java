package io.trackingsystem.tracking.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts raw events into spans of time the way the roll-ups do: events, page views and distinct visitors by
 * event time; visits, bounces and durations by the time the visit began. With filters, a visit counts when one
 * of its events in the span matches, and is then described by all its events.
 */
final class Tally {

    private final List<Rollups.Span> spans;
    private final long[] events;
    private final long[] pageviews;
    private final List<Set<String>> visitors = new ArrayList<>();
    private final Map<String, Visit> visits = new HashMap<>();

    /** {@code spans} sorted and disjoint. */
    Tally(List<Rollups.Span> spans) {
        this.spans = List.copyOf(spans);
        this.events = new long[spans.size()];
        this.pageviews = new long[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            visitors.add(new HashSet<>());
        }
    }

    /** Every event of the spans and their margins, whether or not it matches. */
    void add(RawEvent event, boolean matches) {
        int span = spanOf(event.time());
        Visit visit = visits.computeIfAbsent(event.session(), s -> new Visit(event.time()));
        visit.add(event);
        if (span >= 0 && matches) {
            visit.matched = true;
            events[span]++;
            if (event.isPageview()) {
                pageviews[span]++;
            }
            visitors.get(span).add(event.visitor());
        }
    }

    List<Rollups.Totals> totals() {
        long[] sessions = new long[spans.size()];
        long[] bounces = new long[spans.size()];
        long[] durations = new long[spans.size()];
        for (Visit visit : visits.values()) {
            int span = visit.matched ? spanOf(visit.first) : -1;
            if (span >= 0) {
                sessions[span]++;
                if (visit.isBounce()) {
                    bounces[span]++;
                }
                durations[span] += visit.last - visit.first;
            }
        }
        List<Rollups.Totals> totals = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            totals.add(new Rollups.Totals(events[i], pageviews[i], sessions[i], bounces[i], durations[i],
                    visitors.get(i).size()));
        }
        return totals;
    }

    private int spanOf(long time) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Rollups.Span span = spans.get(middle);
            if (time < span.start()) {
                high = middle - 1;
            } else if (time >= span.end()) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** A visit as far as the scan saw it. */
    private static final class Visit {
        long first;
        long last;
        int events;
        int pageviews;
        boolean matched;

        Visit(long time) {
            first = time;
            last = time;
        }

        void add(RawEvent event) {
            first = Math.min(first, event.time());
            last = Math.max(last, event.time());
            events++;
            if (event.isPageview()) {
                pageviews++;
            }
        }

        /** Exactly one page view and nothing else. */
        boolean isBounce() {
            return events == 1 && pageviews == 1;
        }
    }
}
