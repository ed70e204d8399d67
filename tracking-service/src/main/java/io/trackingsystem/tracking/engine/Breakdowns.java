package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one dimension over the matching events: per value its events, page views and distinct visitors.
 * Exit pages are different: they count the sessions begun in the range, with a matching event there, that ended
 * on each page ({@code visits}).
 */
public final class Breakdowns {

    /** One value; for exit pages only {@code visits} is set. */
    public record Row(String value, long visitors, long pageviews, long events, long visits) {
    }

    private Breakdowns() {
    }

    /** Every value with at least one event (or exit), in no particular order. */
    public static List<Row> of(SiteQuery query, Dimension dimension) {
        return dimension.scope() == Dimension.Scope.EXIT_PAGE ? exits(query, dimension) : values(query, dimension);
    }

    private static List<Row> values(SiteQuery query, Dimension dimension) {
        if (query.impossible()) {
            return List.of();
        }
        SiteCodes codes = query.codes();
        boolean property = dimension.scope() == Dimension.Scope.PROPERTY;
        Codes dictionary = property ? codes.propertyValues() : codes.of(dimension.column());
        int propertyKey = property ? codes.propertyKeys().find(dimension.key()) : Codes.ABSENT;
        if (property && propertyKey == Codes.ABSENT) {
            return List.of();
        }
        int groups = dictionary.size();
        boolean keepsEmpty = dimension.column() == Column.SOURCE;
        List<Part> parts = query.scan(day -> part(day, dimension, groups, propertyKey, keepsEmpty));
        long[] events = new long[groups];
        long[] pageviews = new long[groups];
        List<LongList> pairs = new ArrayList<>(parts.size());
        for (Part part : parts) {
            for (int g = 0; g < groups; g++) {
                events[g] += part.events[g];
                pageviews[g] += part.pageviews[g];
            }
            pairs.add(part.pairs);
        }
        long[] visitors = DistinctVisitors.count(pairs, groups, codes.of(Column.VISITOR).size(), query.pool(),
                query.threads());
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (events[g] > 0) {
                rows.add(new Row(dimension.shown(dictionary.value(g)), visitors[g], pageviews[g], events[g], 0));
            }
        }
        return rows;
    }

    private static Part part(DayScan day, Dimension dimension, int groups, int propertyKey, boolean keepsEmpty) {
        DayView view = day.view;
        Part part = new Part(groups);
        int[] column = dimension.column() == null ? null : view.column(dimension.column());
        int empty = day.codes.empty();
        boolean visitFiltered = day.hasVisitFilters();
        for (int visit = 0; visit < view.visits; visit++) {
            if (visitFiltered && !day.visitPasses(visit)) {
                continue;
            }
            int visitValue = switch (dimension.scope()) {
                case VISIT -> day.sessions.attribute(view, visit, dimension.visitAttribute());
                case ENTRY_PAGE -> day.sessions.entry(view, visit);
                default -> DayView.NONE;
            };
            boolean perVisit = dimension.scope() == Dimension.Scope.VISIT
                    || dimension.scope() == Dimension.Scope.ENTRY_PAGE;
            if (perVisit && (visitValue == DayView.NONE || (visitValue == empty && !keepsEmpty))) {
                continue;
            }
            long lastPair = -1;
            for (int event = view.visitFirst[visit]; event < view.visitEnd[visit]; event++) {
                if (!day.eventPasses(event)) {
                    continue;
                }
                int value = perVisit ? visitValue
                        : propertyKey != Codes.ABSENT ? view.property(event, propertyKey) : column[event];
                if (value == DayView.NONE || value >= groups || (value == empty && !keepsEmpty && !perVisit)) {
                    continue;
                }
                part.events[value]++;
                if (day.isPageview(event)) {
                    part.pageviews[value]++;
                }
                long pair = DistinctVisitors.pair(value, day.visitor(event));
                if (pair != lastPair) {
                    part.pairs.add(pair);
                    lastPair = pair;
                }
            }
        }
        return part;
    }

    private static List<Row> exits(SiteQuery query, Dimension dimension) {
        if (query.impossible()) {
            return List.of();
        }
        Codes paths = query.codes().of(Column.PATH);
        int groups = paths.size();
        List<ExitPart> parts = query.scan(day -> exitPart(day, groups));
        long[] visits = new long[groups];
        LongSet chains = new LongSet(64);
        for (ExitPart part : parts) {
            for (int g = 0; g < groups; g++) {
                visits[g] += part.visits[g];
            }
            for (int c = 0; c < part.chains.size(); c++) {
                if (chains.add(part.chains.get(c))) {
                    visits[(int) part.chainExits.get(c)]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (visits[g] > 0) {
                rows.add(new Row(paths.value(g), visits[g], 0, 0, visits[g]));
            }
        }
        return rows;
    }

    /** Exits of the day's visits; a session of several days is reported by its origin, to be counted once. */
    private static ExitPart exitPart(DayScan day, int groups) {
        DayView view = day.view;
        ExitPart part = new ExitPart(groups);
        boolean visitFiltered = day.hasVisitFilters();
        for (int visit = 0; visit < view.visits; visit++) {
            if ((visitFiltered && !day.visitPasses(visit)) || !anyEventPasses(day, visit)) {
                continue;
            }
            int exit = day.sessions.exit(view, visit);
            if (!day.inRange(day.sessions.start(view, visit)) || exit == DayView.NONE || exit >= groups) {
                continue;
            }
            if (day.sessions.chain(view, visit) == null) {
                part.visits[exit]++;
            } else {
                part.chains.add(day.sessions.origin(view, visit));
                part.chainExits.add(exit);
            }
        }
        return part;
    }

    static boolean anyEventPasses(DayScan day, int visit) {
        for (int event = day.view.visitFirst[visit]; event < day.view.visitEnd[visit]; event++) {
            if (day.eventPasses(event)) {
                return true;
            }
        }
        return false;
    }

    private static final class ExitPart {
        final long[] visits;
        final LongList chains = new LongList(16);
        final LongList chainExits = new LongList(16);

        ExitPart(int groups) {
            visits = new long[groups];
        }
    }

    private static final class Part {
        final long[] events;
        final long[] pageviews;
        final LongList pairs = new LongList(1024);

        Part(int groups) {
            events = new long[groups];
            pageviews = new long[groups];
        }
    }
}
