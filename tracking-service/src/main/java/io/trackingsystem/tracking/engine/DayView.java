package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

import java.util.Map;

/**
 * Every stored event of one site and one UTC day, ready to scan: one primitive array per column read per event
 * ({@link #keepsPerEvent}), holding site-wide codes ({@link SiteCodes}), the events grouped into the day's visits
 * (in order of their visitor's code) and each visit's events in time order, plus a table of those visits. Built by
 * {@link DayViewBuilder} from the day's blocks, whatever their number and order, so the same events always give the
 * same view. Immutable.
 *
 * <p>A visit here is the day's part of a session: the events of one session key (the given session id, else the
 * visitor) with no gap longer than the idle time. A session that runs over midnight has a part in each day;
 * {@link Sessions} joins them. {@link #heads} and {@link #tails} name the parts that may continue a session of
 * the previous day or into the next.
 */
final class DayView {

    static final long DAY = 86_400_000L;
    static final int NONE = -1;

    final int epochDay;
    final long dayStart;
    final int size;
    /** Per event, in visit order. */
    final long[] ids;
    final int[] times;
    final int[] visitOf;
    final int[][] columns;
    final int[] propertyStart;
    final int[] propertyKeys;
    final int[] propertyValues;
    /** Per visit. */
    final int visits;
    final int[] visitFirst;
    final int[] visitEnd;
    final int[] visitPageviews;
    /** Path code of the visit's earliest and latest page view with a path, or {@link #NONE}. */
    final int[] visitEntry;
    final int[] visitExit;
    /** Codes of the visit's earliest event's {@link Column#VISIT_ATTRIBUTES}. */
    final int[][] visitAttributes;
    /** Session key → the day's first visit of it, for visits that begin within the idle time after midnight. */
    final Map<String, Integer> heads;
    /** Session key → the day's last visit of it, for visits whose last event is within the idle time of midnight. */
    final Map<String, Integer> tails;
    /** Per visit: its session key, only for heads and tails (null otherwise). */
    final String[] keys;
    /** The heads and tails: the visits that may be part of a session of several days, in visit order. */
    final int[] candidates;
    /** Per visit: its place in {@link #candidates}, or -1. */
    final int[] candidateOf;
    private volatile int[] byTime;
    /** This day's sessions of several days as last worked out (see {@link Sessions}). */
    volatile Sessions.Linked linked;

    DayView(int epochDay, int size, long[] ids, int[] times, int[] visitOf, int[][] columns, int[] propertyStart,
            int[] propertyKeys, int[] propertyValues, int visits, int[] visitFirst, int[] visitEnd,
            int[] visitPageviews, int[] visitEntry, int[] visitExit, int[][] visitAttributes,
            Map<String, Integer> heads, Map<String, Integer> tails, String[] keys) {
        this.epochDay = epochDay;
        this.dayStart = epochDay * DAY;
        this.size = size;
        this.ids = ids;
        this.times = times;
        this.visitOf = visitOf;
        this.columns = columns;
        this.propertyStart = propertyStart;
        this.propertyKeys = propertyKeys;
        this.propertyValues = propertyValues;
        this.visits = visits;
        this.visitFirst = visitFirst;
        this.visitEnd = visitEnd;
        this.visitPageviews = visitPageviews;
        this.visitEntry = visitEntry;
        this.visitExit = visitExit;
        this.visitAttributes = visitAttributes;
        this.heads = heads;
        this.tails = tails;
        this.keys = keys;
        this.candidateOf = new int[visits];
        int count = 0;
        for (int v = 0; v < visits; v++) {
            candidateOf[v] = keys[v] == null ? -1 : count++;
        }
        this.candidates = new int[count];
        for (int v = 0; v < visits; v++) {
            if (candidateOf[v] >= 0) {
                candidates[candidateOf[v]] = v;
            }
        }
    }

    /** The column's code per event; null for a column the view keeps per visit only. */
    int[] column(Column column) {
        return columns[column.ordinal()];
    }

    /**
     * Whether a view keeps the column per event. A visit-level column ({@link Column#VISIT_ATTRIBUTES}) is read
     * from the visit table only, and the event type by no query, so neither takes 4 bytes per event.
     */
    static boolean keepsPerEvent(Column column) {
        return column.visitAttributeIndex() < 0 && column != Column.TYPE;
    }

    long time(int event) {
        return dayStart + times[event];
    }

    /** Epoch ms of the visit's first and last events. */
    long visitStart(int visit) {
        return dayStart + times[visitFirst[visit]];
    }

    long visitLast(int visit) {
        return dayStart + times[visitEnd[visit] - 1];
    }

    int visitEvents(int visit) {
        return visitEnd[visit] - visitFirst[visit];
    }

    /** The value code of property {@code key} on the event, or {@link #NONE}. */
    int property(int event, int key) {
        for (int pair = propertyStart[event]; pair < propertyStart[event + 1]; pair++) {
            if (propertyKeys[pair] == key) {
                return propertyValues[pair];
            }
        }
        return NONE;
    }

    /** The events in order of time (then id), computed once. */
    int[] byTime() {
        int[] order = byTime;
        if (order == null) {
            order = TimeOrder.of(times, ids);
            byTime = order;
        }
        return order;
    }

    /** Roughly what this view holds on the heap, for the cache's bound. */
    long bytes() {
        long kept = 0;
        for (int[] column : columns) {
            kept += column == null ? 0 : 1;
        }
        long perEvent = 8 + 4 + 4 + 4 * kept + 4;
        long perVisit = 4 * (6 + visitAttributes.length);
        return size * perEvent + propertyKeys.length * 8L + visits * perVisit + (heads.size() + tails.size()) * 96L
                + 256;
    }
}
