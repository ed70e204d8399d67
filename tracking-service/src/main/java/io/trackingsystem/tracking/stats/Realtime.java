package io.trackingsystem.tracking.stats;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is on the site now: distinct visitors with an event in the last 5 minutes, and page views in each of the
 * last 30 minutes (the current one last), labelled in the request's zone. {@code from} and {@code to} do not
 * apply. Without filters it reads the realtime roll-ups; with filters, the last 30 minutes of raw events.
 */
public final class Realtime {

    static final long MINUTE = 60_000;
    static final long NOW_WINDOW = 5 * MINUTE;
    static final int MINUTES = 30;

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
        long visitorsNow;
        Map<Long, Long> perMinute;
        if (query.isFiltered()) {
            Set<String> visitors = new HashSet<>();
            Map<Long, Long> counted = new HashMap<>();
            source.matching(query, from, now + RawScan.ID_SLACK, event -> {
                if (event.time() >= now - NOW_WINDOW) {
                    visitors.add(event.visitor());
                }
                if (event.isPageview() && event.time() < to) {
                    counted.merge(Math.floorDiv(event.time(), MINUTE) * MINUTE, 1L, Long::sum);
                }
            });
            visitorsNow = visitors.size();
            perMinute = counted;
        } else {
            visitorsNow = source.rollups().visitorsSince(query.keys(), now - NOW_WINDOW);
            perMinute = source.rollups().pageviewsPerMinute(query.keys(), from, to);
        }
        List<Minute> minutes = new ArrayList<>(MINUTES);
        for (long minute = from; minute < to; minute += MINUTE) {
            String label = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Instant.ofEpochMilli(minute).atZone(query.range().zone()));
            minutes.add(new Minute(label, perMinute.getOrDefault(minute, 0L)));
        }
        return new Answer(visitorsNow, minutes);
    }
}
