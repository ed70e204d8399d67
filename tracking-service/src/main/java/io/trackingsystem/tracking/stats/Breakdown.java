package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.catalogue.Dimension;
import io.trackingsystem.tracking.engine.Breakdowns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    List<Row> rows(StatsQuery query, Dimension dimension, int limit) {
        TimeRange range = query.range();
        boolean exits = dimension.scope() == Dimension.Scope.EXIT_PAGE;
        List<Row> rows = new ArrayList<>();
        for (Breakdowns.Row row : Breakdowns.of(source.over(query, range.start(), range.end()), dimension, limit)) {
            rows.add(exits ? new Row(row.value(), row.visits(), null, null)
                    : new Row(row.value(), row.visitors(), row.pageviews(), row.events()));
        }
        return rows;
    }
}
