package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.Totals;

import java.util.List;

/** The headline figures of a range, and the same figures for the period of equal length before it. */
public final class Overview {

    private final StatsSource source;

    public Overview(StatsSource source) {
        this.source = source;
    }

    /**
     * @param bounceRate        bounces per visit begun in the range, 0..1
     * @param avgSessionSeconds mean time from a visit's first to its last event
     * @param viewsPerSession   page views per visit
     */
    public record Figures(long visitors, long pageviews, long sessions, long events, double bounceRate,
                          double avgSessionSeconds, double viewsPerSession) {

        static Figures of(Totals.Figures totals) {
            long sessions = totals.sessions();
            return new Figures(totals.visitors(), totals.pageviews(), sessions, totals.events(),
                    ratio(totals.bounces(), sessions, 4), ratio(totals.durationMillis() / 1000.0, sessions, 1),
                    ratio(totals.pageviews(), sessions, 2));
        }

        private static double ratio(double part, long whole, int decimals) {
            if (whole == 0) {
                return 0;
            }
            double scale = Math.pow(10, decimals);
            return Math.round(part / whole * scale) / scale;
        }
    }

    public record Answer(long visitors, long pageviews, long sessions, long events, double bounceRate,
                         double avgSessionSeconds, double viewsPerSession, Figures previous) {

        static Answer of(Figures current, Figures previous) {
            return new Answer(current.visitors(), current.pageviews(), current.sessions(), current.events(),
                    current.bounceRate(), current.avgSessionSeconds(), current.viewsPerSession(), previous);
        }
    }

    public Answer answer(StatsRequest request) {
        StatsQuery query = request.query();
        TimeRange range = query.range();
        List<Totals.Figures> totals = Totals.of(source.over(query, range.previousStart(), range.end()), List.of(
                new Totals.Span(range.previousStart(), range.start()), new Totals.Span(range.start(), range.end())));
        return Answer.of(Figures.of(totals.get(1)), Figures.of(totals.get(0)));
    }
}
