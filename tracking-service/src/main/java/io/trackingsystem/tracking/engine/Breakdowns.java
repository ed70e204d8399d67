package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** Most visitors first, then most page views, then by value. */
    public static final Comparator<Row> ORDER = Comparator.comparingLong(Row::visitors).reversed()
            .thenComparing(Comparator.comparingLong(Row::pageviews).reversed())
            .thenComparing(Row::value);

    /** The {@code limit} values with the most visitors (or exits), in {@link #ORDER}. */
    public static List<Row> of(SiteQuery query, Dimension dimension, int limit) {
        List<Row> rows = dimension.scope() == Dimension.Scope.EXIT_PAGE ? exits(query, dimension)
                : values(query, dimension, limit);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private static List<Row> values(SiteQuery query, Dimension dimension, int limit) {
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
        String kind = "breakdown:" + dimension.name();
        boolean bySession = dimension.scope() == Dimension.Scope.VISIT
                || dimension.scope() == Dimension.Scope.ENTRY_PAGE;
        List<DaySummary> days = query.scan(day -> {
            Object links = bySession ? day.sessions.linksOf(day.view) : null;
            if (day.everyEvent()) {
                DaySummary known = query.summaries().get(day.view, kind, links);
                if (known != null) {
                    return known;
                }
            }
            Part part = part(day, dimension, groups, propertyKey, keepsEmpty,
                    DistinctVisitors.pairs(query, day.view.visits * 2));
            DaySummary summary = DaySummary.of(part);
            if (day.everyEvent()) {
                query.summaries().put(day.view, kind, links, summary);
            }
            return summary;
        });
        long[] events = new long[groups];
        long[] pageviews = new long[groups];
        long[] upper = new long[groups];
        for (DaySummary day : days) {
            for (int i = 0; i < day.codes.length; i++) {
                events[day.codes[i]] += day.events[i];
                pageviews[day.codes[i]] += day.pageviews[i];
                upper[day.codes[i]] += day.visitors[i];
            }
        }
        long[] visitors = topVisitors(query, days, groups, events, pageviews, upper, limit, dictionary, dimension);
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (events[g] > 0 && visitors[g] >= 0) {
                rows.add(new Row(dimension.shown(dictionary.value(g)), visitors[g], pageviews[g], events[g], 0));
            }
        }
        return rows;
    }

    /**
     * Exact distinct visitors of the values that can be among the top {@code limit}, -1 for the others. A value's
     * visitors are at most the sum of its days' distinct visitors ({@code upper}); values are counted exactly in
     * order of that bound, a batch at a time, until the next bound falls below the {@code limit}-th exact count, so
     * the long tail of a dimension is never counted at all.
     */
    private static long[] topVisitors(SiteQuery query, List<DaySummary> days, int groups, long[] events,
                                      long[] pageviews, long[] upper, int limit, Codes dictionary,
                                      Dimension dimension) {
        long[] visitors = new long[groups];
        java.util.Arrays.fill(visitors, -1);
        List<Integer> byBound = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (events[g] > 0) {
                byBound.add(g);
            }
        }
        byBound.sort((a, b) -> Long.compare(upper[b], upper[a]));
        List<Row> exact = new ArrayList<>();
        int next = 0;
        int batch = Math.max(16, limit * 2);
        while (next < byBound.size()) {
            if (exact.size() >= limit) {
                exact.sort(ORDER);
                if (upper[byBound.get(next)] < exact.get(limit - 1).visitors()) {
                    break;
                }
            }
            int end = Math.min(byBound.size(), next + batch);
            boolean[] wanted = new boolean[groups];
            for (int i = next; i < end; i++) {
                wanted[byBound.get(i)] = true;
            }
            List<DistinctVisitors.Pairs> pairs = new ArrayList<>(days.size());
            for (DaySummary day : days) {
                DistinctVisitors.Pairs dayPairs = DistinctVisitors.pairs(query, 64);
                for (long pair : day.pairs) {
                    int group = (int) (pair >>> 32);
                    if (wanted[group]) {
                        dayPairs.add(group, (int) pair);
                    }
                }
                pairs.add(dayPairs);
            }
            long[] counted = DistinctVisitors.count(pairs, groups, query);
            for (int i = next; i < end; i++) {
                int g = byBound.get(i);
                visitors[g] = counted[g];
                exact.add(new Row(dimension.shown(dictionary.value(g)), counted[g], pageviews[g], events[g], 0));
            }
            next = end;
            batch *= 4;
        }
        return visitors;
    }

    /** One day's breakdown: the values it has, their events and page views, and its distinct (value, visitor). */
    record DaySummary(int[] codes, long[] events, long[] pageviews, int[] visitors, long[] pairs)
            implements Summaries.Summary {

        static DaySummary of(Part part) {
            int count = 0;
            for (long events : part.events) {
                count += events > 0 ? 1 : 0;
            }
            int[] codes = new int[count];
            long[] events = new long[count];
            long[] pageviews = new long[count];
            int at = 0;
            for (int g = 0; g < part.events.length; g++) {
                if (part.events[g] > 0) {
                    codes[at] = g;
                    events[at] = part.events[g];
                    pageviews[at++] = part.pageviews[g];
                }
            }
            long[] pairs = part.pairs.distinct();
            int[] visitors = new int[count];
            int[] slot = new int[part.events.length];
            for (int i = 0; i < count; i++) {
                slot[codes[i]] = i;
            }
            for (long pair : pairs) {
                visitors[slot[(int) (pair >>> 32)]]++;
            }
            return new DaySummary(codes, events, pageviews, visitors, pairs);
        }

        @Override
        public long bytes() {
            return codes.length * 24L + pairs.length * 8L + 64;
        }
    }

    private static Part part(DayScan day, Dimension dimension, int groups, int propertyKey, boolean keepsEmpty,
                             DistinctVisitors.Pairs pairs) {
        DayView view = day.view;
        Part part = new Part(groups, pairs);
        int[] column = dimension.column() == null ? null : view.column(dimension.column());
        int empty = day.codes.empty();
        boolean visitFiltered = day.hasVisitFilters();
        int[] events = day.events();
        for (int i = 0, walked = day.visits(); i < walked; i++) {
            int visit = day.visit(i);
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
            for (int k = day.first(i), end = day.end(i); k < end; k++) {
                int event = events[k];
                if (!day.passes(event)) {
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
                part.pairs.add(value, day.visitor(event));
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
        for (int i = 0, walked = day.visits(); i < walked; i++) {
            int visit = day.visit(i);
            if ((visitFiltered && !day.visitPasses(visit)) || !day.anyPasses(i)) {
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
        final DistinctVisitors.Pairs pairs;

        Part(int groups, DistinctVisitors.Pairs pairs) {
            this.pairs = pairs;
            events = new long[groups];
            pageviews = new long[groups];
        }
    }
}
