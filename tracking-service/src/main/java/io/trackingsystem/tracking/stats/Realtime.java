package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.Totals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is on the site now: distinct visitors with an event in the last 5 minutes, and page views in each of the
 * last 30 minutes (the current one last), labelled in the request's zone. {@code from} and {@code to} do not
 * apply; filters do.
 */
public final class Realtime {

    static final long MINUTE = 60_000;
    static final long NOW_WINDOW = 5 * MINUTE;
    static final int MINUTES = 30;
    /** Events stamped up to this far ahead (clocks running fast) count as now. */
    static final long FUTURE_SLACK = 2 * 60 * MINUTE;

    private final StatsSource source;

    public Realtime(StatsSource source) {
        this.source = source;
    }

    public record Minute(String t, long pageviews) {
    }

    public record Answer(long visitorsNow, List<Minute> pageviewsPerMinute) {
    }

    public Answer answer(StatsRequest request) {
        StatsQuery query = request.query();
        long now = source.now();
        long to = Math.floorDiv(now, MINUTE) * MINUTE + MINUTE;
        long from = to - MINUTES * MINUTE;
        List<Totals.Span> spans = new ArrayList<>(MINUTES);
        for (long minute = from; minute < to; minute += MINUTE) {
            spans.add(new Totals.Span(minute, minute + MINUTE));
        }
        List<Totals.Figures> perMinute = Totals.of(source.over(query, from, to), spans);
        long visitorsNow = Totals.of(source.over(query, now - NOW_WINDOW, now + FUTURE_SLACK),
                List.of(new Totals.Span(now - NOW_WINDOW, now + FUTURE_SLACK))).get(0).visitors();
        List<Minute> minutes = new ArrayList<>(MINUTES);
        for (int i = 0; i < spans.size(); i++) {
            String label = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Instant.ofEpochMilli(spans.get(i).start()).atZone(query.range().zone()));
            minutes.add(new Minute(label, perMinute.get(i).pageviews()));
        }
        return new Answer(visitorsNow, minutes);
    }
}
