package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;

/**
 * One day of a query: its view, the query's whole sessions, and the filters and range compiled against the
 * site's codes. A scan walks visit by visit: {@link #visitPasses} settles the visit-level filters once per visit,
 * {@link #eventPasses} the event-level ones and the range for each event.
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
        if (!whollyInRange) {
            long time = view.dayStart + view.times[event];
            if (time < from || time >= to) {
                return false;
            }
        }
        for (int i = 0; i < eventColumns.length; i++) {
            if (eventColumns[i][event] != eventCodes[i]) {
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
