package io.trackingsystem.tracking.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of one dimension with their visitors, page views and events, most visitors first. Exit pages count
 * the visits that ended on each page (in {@code visitors}); page views and events are not kept per exit page.
 */
public final class Breakdown {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;
    /** Most visitors first, then most page views, then by value. */
    static final Comparator<Row> ORDER = Comparator.comparingLong(Row::visitors).reversed()
            .thenComparing(Comparator.comparingLong((Row row) -> row.pageviews() == null ? 0 : row.pageviews())
                    .reversed())
            .thenComparing(Row::value);

    private final StatsSource source;

    public Breakdown(StatsSource source) {
        this.source = source;
    }

    public record Row(String value, long visitors, Long pageviews, Long events) {
    }

    public record Answer(String dimension, List<Row> rows) {
    }

    public Answer answer(StatsRequest request) {
        Dimension dimension = dimension(request);
        int limit = request.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new Answer(dimension.name(), rows(request.query(), dimension, limit));
    }

    static Dimension dimension(StatsRequest request) {
        String name = request.required("dimension");
        return Dimension.named(name).orElseThrow(() -> StatsRequest.invalid("dimension",
                "Unknown dimension '" + name + "'; use one of " + Dimension.KNOWN));
    }

    /** Served from the daily roll-ups when there are no filters and the range is whole UTC days. */
    List<Row> rows(StatsQuery query, Dimension dimension, int limit) {
        TimeRange range = query.range();
        if (!query.isFiltered() && Days.isDayAligned(range.start()) && Days.isDayAligned(range.end())) {
            return source.rollups().breakdown(query.keys(), dimension, range.start(), range.end(), limit);
        }
        List<Row> rows = dimension.kind() == Dimension.Kind.EXIT_PAGE ? exits(query) : fromRawEvents(query, dimension);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private List<Row> fromRawEvents(StatsQuery query, Dimension dimension) {
        TimeRange range = query.range();
        SessionPages pages = source.pagesFor(query, range.start(), range.end(), dimension.needsSessionPages());
        Map<String, Counts> values = new HashMap<>();
        source.scan().forEach(query.keys(), range.start(), range.end(), event -> {
            if (!query.matches(event, pages)) {
                return;
            }
            String value = dimension.valueOf(event, pages);
            if (!value.isEmpty()) {
                values.computeIfAbsent(value, v -> new Counts()).add(event);
            }
        });
        List<Row> rows = new ArrayList<>(values.size());
        values.forEach((value, counts) -> rows.add(
                new Row(value, counts.visitors.size(), counts.pageviews, counts.events)));
        return rows;
    }

    /**
     * Visits begun in the range with a matching event there, by the page of their last page view. The visits'
     * pages come from the same pass unless a filter needs them first.
     */
    private List<Row> exits(StatsQuery query) {
        TimeRange range = query.range();
        long margin = source.sessionMargin();
        boolean separatePass = query.needsSessionPages();
        SessionPages pages = separatePass ? source.pagesFor(query, range.start(), range.end()) : new SessionPages();
        Map<String, Long> firstEvent = new HashMap<>();
        Set<String> matched = new HashSet<>();
        source.scan().forEach(query.keys(), range.start() - margin, range.end() + margin, event -> {
            if (!separatePass) {
                pages.add(event);
            }
            firstEvent.merge(event.session(), event.time(), Math::min);
            if (range.contains(event.time()) && query.matches(event, pages)) {
                matched.add(event.session());
            }
        });
        Map<String, Long> visits = new HashMap<>();
        for (String session : matched) {
            String exit = pages.exit(session);
            if (!exit.isEmpty() && range.contains(firstEvent.get(session))) {
                visits.merge(exit, 1L, Long::sum);
            }
        }
        List<Row> rows = new ArrayList<>(visits.size());
        visits.forEach((page, count) -> rows.add(new Row(page, count, null, null)));
        return rows;
    }

    private static final class Counts {
        final Set<String> visitors = new HashSet<>();
        long pageviews;
        long events;

        void add(RawEvent event) {
            visitors.add(event.visitor());
            events++;
            if (event.isPageview()) {
                pageviews++;
            }
        }
    }
}
