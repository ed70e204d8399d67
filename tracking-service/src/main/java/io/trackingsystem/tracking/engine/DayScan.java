package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;

import java.util.Arrays;

/**
 * One day of a query: its view, the query's whole sessions, and the filters and range compiled against the
 * site's codes. A scan walks visit by visit, over {@link #visit}s only: {@link #visitPasses} settles the visit-level
 * filters once per visit, {@link #passes} the range and the rest of the event-level ones for each walked event.
 */
final class DayScan {

    final DayView view;
    final Sessions sessions;
    final SiteCodes codes;
    private final long from;
    private final long to;
    private final boolean whollyInRange;
    private final int[][] eventColumns;
    private final int[] eventCodes;
    private final int[] propertyKeys;
    private final int[] propertyValues;
    private final CompiledQuery query;
    /** The events a scan walks, in visit order: every event, or only those matching the event-column filters. */
    private final int[] events;
    /** The visits a scan walks, ascending, and where each one's events start in {@link #events}; end at size. */
    private final int[] walkedVisits;
    private final int[] walkedFirst;
    private final int walked;

    DayScan(DayView view, Sessions sessions, SiteCodes codes, CompiledQuery query, long from, long to) {
        this.view = view;
        this.sessions = sessions;
        this.codes = codes;
        this.query = query;
        this.from = from;
        this.to = to;
        this.whollyInRange = view.dayStart >= from && view.dayStart + DayView.DAY <= to;
        this.eventColumns = new int[query.eventFilters.length][];
        for (int i = 0; i < eventColumns.length; i++) {
            eventColumns[i] = view.column(query.eventFilters[i]);
        }
        this.eventCodes = query.eventCodes;
        this.propertyKeys = query.propertyKeys;
        this.propertyValues = query.propertyValues;
        if (eventColumns.length == 0) {
            this.events = Identity.upTo(view.size);
            this.walkedVisits = null;
            this.walkedFirst = view.visitFirst;
            this.walked = view.visits;
        } else {
            this.events = matching();
            int[] visits = new int[Math.min(view.visits, events.length)];
            int[] firsts = new int[visits.length + 1];
            int count = 0;
            for (int k = 0; k < events.length; k++) {
                int visit = view.visitOf[events[k]];
                if (count == 0 || visits[count - 1] != visit) {
                    visits[count] = visit;
                    firsts[count++] = k;
                }
            }
            firsts[count] = events.length;
            this.walkedVisits = visits;
            this.walkedFirst = firsts;
            this.walked = count;
        }
    }

    /**
     * The events that match every event-column filter, ascending: one tight pass over those columns alone, so a
     * scan then walks only them (and only the visits holding them).
     */
    private int[] matching() {
        int[] found = new int[Math.min(view.size, 4096)];
        int count = 0;
        int[] first = eventColumns[0];
        int firstCode = eventCodes[0];
        for (int event = 0; event < view.size; event++) {
            if (first[event] == firstCode && matchesColumns(event)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.min(view.size, count * 2));
                }
                found[count++] = event;
            }
        }
        return Arrays.copyOf(found, count);
    }

    private boolean matchesColumns(int event) {
        for (int i = 1; i < eventColumns.length; i++) {
            if (eventColumns[i][event] != eventCodes[i]) {
                return false;
            }
        }
        return true;
    }

    /** How many visits a scan walks: {@code visit(0) .. visit(visits() - 1)}, ascending. */
    int visits() {
        return walked;
    }

    /** The {@code i}-th visit a scan walks; the visits left out hold no passing event. */
    int visit(int i) {
        return walkedVisits == null ? i : walkedVisits[i];
    }

    /**
     * The events a scan walks: those of the {@code i}-th walked visit are {@code events()[first(i) .. end(i) - 1]},
     * in time order; the events left out do not pass.
     */
    int[] events() {
        return events;
    }

    int first(int i) {
        return walkedFirst[i];
    }

    int end(int i) {
        return walkedVisits == null ? view.visitEnd[i] : walkedFirst[i + 1];
    }

    /** Whether any event of the {@code i}-th walked visit passes. */
    boolean anyPasses(int i) {
        for (int k = first(i), end = end(i); k < end; k++) {
            if (passes(events[k])) {
                return true;
            }
        }
        return false;
    }

    /** The whole day is in the query's range: no event needs its time checked. */
    boolean wholeDay() {
        return whollyInRange;
    }

    /** Neither the range nor a filter leaves out any of the day's events. */
    boolean everyEvent() {
        return whollyInRange && query.eventFilters.length == 0 && query.propertyKeys.length == 0
                && query.visitFilters.length == 0;
    }

    boolean hasVisitFilters() {
        return query.hasVisitFilters();
    }

    /** A scan walks every visit and every event of the day: no visit filter and none left out. */
    boolean everyVisit() {
        return walkedVisits == null && !hasVisitFilters();
    }

    /** Whether the visit's session passes the filters on source, UTM, entry and exit page. */
    boolean visitPasses(int visit) {
        for (int i = 0; i < query.visitFilters.length; i++) {
            Dimension dimension = query.visitFilters[i];
            int code = switch (dimension.scope()) {
                case ENTRY_PAGE -> sessions.entry(view, visit);
                case EXIT_PAGE -> sessions.exit(view, visit);
                default -> sessions.attribute(view, visit, dimension.visitAttribute());
            };
            if (code != query.visitCodes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the event is in the range and passes the event-level filters. */
    boolean eventPasses(int event) {
        for (int i = 0; i < eventColumns.length; i++) {
            if (eventColumns[i][event] != eventCodes[i]) {
                return false;
            }
        }
        return passes(event);
    }

    /**
     * Whether one of the walked {@link #events} passes: the walk has left out those that fail the column filters,
     * so only the range and the property filters are left to check.
     */
    boolean passes(int event) {
        if (!whollyInRange) {
            long time = view.dayStart + view.times[event];
            if (time < from || time >= to) {
                return false;
            }
        }
        for (int i = 0; i < propertyKeys.length; i++) {
            if (view.property(event, propertyKeys[i]) != propertyValues[i]) {
                return false;
            }
        }
        return true;
    }

    boolean inRange(long time) {
        return time >= from && time < to;
    }

    boolean isPageview(int event) {
        return view.columns[Column.NAME.ordinal()][event] == codes.pageview();
    }

    int visitor(int event) {
        return view.columns[Column.VISITOR.ordinal()][event];
    }
}
