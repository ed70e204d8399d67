package io.trackingsystem.tracking.stats;

import java.util.List;

/**
 * Totals of spans of time, from the roll-ups when they can answer exactly — no filters, and every bound on a
 * whole UTC hour (which dates in any whole-hour zone are) — else from raw events.
 */
final class SpanTotals {

    private SpanTotals() {
    }

    static List<Rollups.Totals> of(StatsSource source, StatsQuery query, List<Rollups.Span> spans) {
        boolean aligned = spans.stream().allMatch(span -> Days.isHourAligned(span.start())
                && Days.isHourAligned(span.end()));
        if (!query.isFiltered() && aligned) {
            return source.rollups().totals(query.keys(), spans);
        }
        return fromRawEvents(source, query, spans);
    }

    static List<Rollups.Totals> fromRawEvents(StatsSource source, StatsQuery query, List<Rollups.Span> spans) {
        long from = spans.get(0).start();
        long to = spans.get(spans.size() - 1).end();
        SessionPages pages = source.pagesFor(query, from, to);
        Tally tally = new Tally(spans);
        long margin = source.sessionMargin();
        source.scan().forEach(query.keys(), from - margin, to + margin,
                event -> tally.add(event, query.matches(event, pages)));
        return tally.totals();
    }
}
