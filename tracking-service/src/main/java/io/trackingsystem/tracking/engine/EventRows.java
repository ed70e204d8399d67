package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching events one by one, for the event list (newest first) and the events export (oldest first), a page at
 * a time. A position is an event's (time, id): the order is by time, then id, so pages stay stable however the
 * stored blocks are merged meanwhile.
 */
public final class EventRows {

    /** Where a page ends: the last event's time and id. */
    public record Position(long time, long id) {
        boolean before(long otherTime, long otherId) {
            return otherTime < time || (otherTime == time && otherId < id);
        }

        boolean after(long otherTime, long otherId) {
            return otherTime > time || (otherTime == time && otherId > id);
        }
    }

    /**
     * One event as shown: its visit's session id (the given one, else derived from the visitor and the session's
     * start) and the session's source, UTM values and location.
     */
    public record Row(long id, long time, String name, String visitor, String session, String page, String source,
                      String[] utm, String browser, String os, String device, String screen, String language,
                      String country, String region, String city, Map<String, String> properties) {

        /** The id as shown and in cursors: 16 hexadecimal digits. */
        public String shownId() {
            return String.format("%016x", id);
        }
    }

    /** A page of rows, and whether more may follow; for the export also where the scan stopped. */
    public record Page(List<Row> rows, boolean more, Position last) {
    }

    private EventRows() {
    }

    /** The {@code limit} newest matching events older than {@code before} (null: from the newest). */
    public static Page newest(SiteQuery query, int limit, Position before, String visitorId) {
        List<Row> rows = new ArrayList<>();
        if (query.impossible()) {
            return new Page(rows, false, null);
        }
        int visitor = visitorCode(query, visitorId);
        if (visitor == Codes.ABSENT) {
            return new Page(rows, false, null);
        }
        List<DayView> views = query.views();
        boolean full = false;
        for (int v = views.size() - 1; v >= 0 && !full; v--) {
            DayScan day = query.day(views.get(v));
            DayView view = day.view;
            int[] order = view.byTime();
            for (int i = order.length - 1; i >= 0; i--) {
                int event = order[i];
                if (before != null && !before.before(view.time(event), view.ids[event])) {
                    continue;
                }
                if (passes(day, event, visitor)) {
                    if (rows.size() == limit) {
                        full = true;
                        break;
                    }
                    rows.add(row(day, event));
                }
            }
        }
        Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Page(rows, full, last == null ? null : new Position(last.time(), last.id()));
    }

    /**
     * Up to {@code limit} matching events after {@code after} (null: from the first), oldest first, looking at no
     * more than {@code scanLimit} events: a narrow filter returns a short page with {@code more} set.
     */
    public static Page oldest(SiteQuery query, int limit, int scanLimit, Position after) {
        List<Row> rows = new ArrayList<>();
        if (query.impossible()) {
            return new Page(rows, false, null);
        }
        Position last = after;
        int scanned = 0;
        for (DayView view : query.views()) {
            DayScan day = query.day(view);
            for (int event : view.byTime()) {
                long time = view.time(event);
                if (after != null && !after.after(time, view.ids[event])) {
                    continue;
                }
                if (rows.size() == limit || scanned == scanLimit) {
                    return new Page(rows, true, last);
                }
                scanned++;
                last = new Position(time, view.ids[event]);
                if (passes(day, event, Codes.ABSENT - 1)) {
                    rows.add(row(day, event));
                }
            }
        }
        return new Page(rows, false, last);
    }

    private static int visitorCode(SiteQuery query, String visitorId) {
        return visitorId == null || visitorId.isEmpty() ? Codes.ABSENT - 1
                : query.codes().of(Column.VISITOR).find(visitorId);
    }

    /** {@code visitor} is a visitor code to keep only its events, or {@code ABSENT - 1} for every visitor. */
    private static boolean passes(DayScan day, int event, int visitor) {
        if (visitor >= 0 && day.visitor(event) != visitor) {
            return false;
        }
        return day.eventPasses(event) && (!day.hasVisitFilters() || day.visitPasses(day.view.visitOf[event]));
    }

    private static Row row(DayScan day, int event) {
        DayView view = day.view;
        SiteCodes codes = day.codes;
        int visit = view.visitOf[event];
        String[] utm = new String[Column.UTM.length];
        for (int i = 0; i < utm.length; i++) {
            utm[i] = visitValue(day, visit, Column.UTM[i]);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int pair = view.propertyStart[event]; pair < view.propertyStart[event + 1]; pair++) {
            properties.put(codes.propertyKeys().value(view.propertyKeys[pair]),
                    codes.propertyValues().value(view.propertyValues[pair]));
        }
        String source = visitValue(day, visit, Column.SOURCE);
        return new Row(view.ids[event], view.time(event), value(view, codes, Column.NAME, event),
                value(view, codes, Column.VISITOR, event), sessionId(day, visit),
                value(view, codes, Column.PATH, event), source.isEmpty() ? Dimension.DIRECT : source, utm,
                value(view, codes, Column.BROWSER, event), value(view, codes, Column.OS, event),
                value(view, codes, Column.DEVICE, event), value(view, codes, Column.SCREEN, event),
                value(view, codes, Column.LANGUAGE, event), visitValue(day, visit, Column.COUNTRY),
                visitValue(day, visit, Column.REGION), visitValue(day, visit, Column.CITY), properties);
    }

    /** The session's value of a visit-level column. */
    private static String visitValue(DayScan day, int visit, Column column) {
        return day.codes.of(column).value(day.sessions.attribute(day.view, visit, column.visitAttributeIndex()));
    }

    /** The given session id, else 6 hash characters of the visitor and the session's start in base 36. */
    static String sessionId(DayScan day, int visit) {
        long origin = day.sessions.origin(day.view, visit);
        DayView originDay = Sessions.originDay(origin) == day.view.epochDay ? day.view
                : day.sessions.view(Sessions.originDay(origin));
        int first = originDay.visitFirst[Sessions.originVisit(origin)];
        String given = visitValue(day, visit, Column.SESSION_ID);
        if (!given.isEmpty()) {
            return given;
        }
        String visitor = day.codes.of(Column.VISITOR).value(originDay.column(Column.VISITOR)[first]);
        return Hashes.base64(visitor, 6) + Long.toString(originDay.time(first), 36);
    }

    private static String value(DayView view, SiteCodes codes, Column column, int event) {
        return codes.of(column).value(view.column(column)[event]);
    }
}
