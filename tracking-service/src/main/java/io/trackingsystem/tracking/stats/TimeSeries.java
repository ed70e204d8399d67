package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.MONDAY;

/**
 * Visitors, page views, visits and events per hour, day, week (from Monday) or month of the request's zone.
 * Every bucket of the range is present, empty ones as zeros; the first and last are cut to the range. Hours are
 * labelled with their start as a date-time with offset, longer buckets with their first date.
 */
public final class TimeSeries {

    static final int MAX_POINTS = 2000;
    private static final Set<String> INTERVALS = Set.of("hour", "day", "week", "month");

    private final StatsSource source;

    public TimeSeries(StatsSource source) {
        this.source = source;
    }

    public record Point(String t, long visitors, long pageviews, long sessions, long events) {
    }

    public record Answer(String interval, List<Point> points) {
    }

    public Answer answer(StatsRequest request) {
        String interval = request.choice("interval", INTERVALS, "day");
        StatsQuery query = request.query();
        List<String> labels = new ArrayList<>();
        List<Totals.Span> spans = buckets(query.range(), interval, labels);
        List<Totals.Figures> totals = Totals.of(source.over(query, query.range().start(), query.range().end()),
                spans);
        List<Point> points = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Totals.Figures t = totals.get(i);
            points.add(new Point(labels.get(i), t.visitors(), t.pageviews(), t.sessions(), t.events()));
        }
        return new Answer(interval, points);
    }

    private static List<Totals.Span> buckets(TimeRange range, String interval, List<String> labels) {
        List<Totals.Span> spans = new ArrayList<>();
        ZonedDateTime bucket = first(range, interval);
        while (bucket.toInstant().toEpochMilli() < range.end()) {
            ZonedDateTime next = switch (interval) {
                case "hour" -> bucket.plusHours(1);
                case "week" -> bucket.toLocalDate().plusWeeks(1).atStartOfDay(range.zone());
                case "month" -> bucket.toLocalDate().plusMonths(1).atStartOfDay(range.zone());
                default -> bucket.toLocalDate().plusDays(1).atStartOfDay(range.zone());
            };
            long start = Math.max(range.start(), bucket.toInstant().toEpochMilli());
            long end = Math.min(range.end(), next.toInstant().toEpochMilli());
            spans.add(new Totals.Span(start, end));
            labels.add("hour".equals(interval) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(bucket)
                    : bucket.toLocalDate().toString());
            if (spans.size() > MAX_POINTS) {
                throw StatsRequest.invalid("interval", "interval " + interval + " gives more than " + MAX_POINTS
                        + " points for this range; choose a longer interval or a shorter range");
            }
            bucket = next;
        }
        return spans;
    }

    private static ZonedDateTime first(TimeRange range, String interval) {
        ZonedDateTime start = Instant.ofEpochMilli(range.start()).atZone(range.zone());
        LocalDate date = start.toLocalDate();
        return switch (interval) {
            case "hour" -> start.truncatedTo(ChronoUnit.HOURS);
            case "week" -> date.with(TemporalAdjusters.previousOrSame(MONDAY)).atStartOfDay(range.zone());
            case "month" -> date.withDayOfMonth(1).atStartOfDay(range.zone());
            default -> date.atStartOfDay(range.zone());
        };
    }
}
