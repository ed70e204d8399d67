package io.trackingsystem.tracking.storage;

import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, in Java, what a batch of one site's events changes: dedupe, session assignment, totals, visitors,
 * breakdown rows, realtime and raw records, from a {@link StoreSnapshot} of what Redis held before. The rules are
 * the ones docs/data-model.md describes ("How each value is maintained"); events are applied in batch order, so
 * the sums equal applying them one by one. Nothing here touches Redis: {@link EventStore} writes the result
 * atomically, provided the snapshot still holds.
 */
final class BatchAccounting {

    static final String[] SESSION_DIMENSIONS = {"referrer", "utmSource", "utmMedium", "utmCampaign", "utmTerm",
            "utmContent"};
    static final String[] DEVICE_DIMENSIONS = {"browser", "os", "device", "screen", "language"};
    static final long LIVE_WINDOW = 30 * 60_000L;
    private static final String SEP = RawFields.SEPARATOR;

    private final BatchWrites writes;
    private final StoreSnapshot snapshot;
    private final long now;
    private final long idle;
    /** The batch's view of each session state field read so far; null = no running session. */
    private final Map<String, SessionState> states;
    private final Set<String> batchIds;
    /** Visit tokens by what they name ("p\n/path", ...): a batch repeats its pages, names and properties. */
    private final Map<String, String> tokens = new HashMap<>();

    private BatchAccounting(BatchWrites writes, StoreSnapshot snapshot, long now, long idle, int events) {
        this.writes = writes;
        this.snapshot = snapshot;
        this.now = now;
        this.idle = idle;
        this.states = new HashMap<>(events * 2);
        this.batchIds = new HashSet<>(events * 2);
    }

    /** Accounts the events; {@code sessionIds} receives one id per event, "" for a duplicate. */
    static BatchWrites account(BatchWrites writes, StoreSnapshot snapshot, long now, long idle, List<Event> events,
                               List<String> sessionIds) {
        BatchAccounting accounting = new BatchAccounting(writes, snapshot, now, idle, events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            boolean duplicate = snapshot.recorded(i) || !accounting.batchIds.add(event.fingerprint());
            sessionIds.add(duplicate ? "" : accounting.apply(event));
        }
        return writes;
    }

    static String stateField(Event event) {
        return event.sessionId().isEmpty() ? "v:" + event.visitorHash() : "i:" + event.sessionId();
    }

    private String apply(Event event) {
        writes.claims.add(event.fingerprint());
        long ts = event.ts();
        BatchWrites.Hour hour = writes.hourOf(ts);
        BatchWrites.Day day = hour.day;
        boolean pageview = event.isPageview();
        String visitor = event.visitorHash();
        String path = event.path();

        String field = stateField(event);
        SessionState session = read(field);
        boolean keep = true;
        if (session != null && event.sessionId().isEmpty()) {
            if (ts < session.first - idle) {
                session = null;
                keep = false; // a late event far before the current session: a session of its own
            } else if (ts > session.last + idle) {
                session = null;
            }
        }
        if (session == null) {
            session = startSession(event, day, hour);
        }
        if (keep) {
            states.put(field, session);
            writes.changedStates.put(field, session);
        }

        // the session's bounce and duration live in its start hour and are corrected as it goes on
        BatchWrites.Hour startHour = writes.hourOf(session.start);
        BatchWrites.Day startDay = startHour.day;
        boolean wasBounce = session.isBounce();
        long oldDuration = session.last - session.first;
        session.events++;
        if (pageview) {
            session.pageviews++;
        }
        session.first = Math.min(session.first, ts);
        session.last = Math.max(session.last, ts);
        if (wasBounce != session.isBounce()) {
            startDay.count(startHour.bounces, session.isBounce() ? 1 : -1);
        }
        long grown = (session.last - session.first) - oldDuration;
        if (grown != 0) {
            startDay.count(startHour.duration, grown);
        }
        if (pageview && !path.isEmpty()) {
            enterAndExit(session, startDay, path, ts, visitor);
        }

        day.count(hour.events, 1);
        if (pageview) {
            day.count(hour.pageviews, 1);
        }
        hour.visitors.add(visitor);
        day.visitors.add(visitor);
        countAttributes(event, session, day, pageview);
        countEventValues(event, session, day, pageview);

        if (ts > now - LIVE_WINDOW) {
            writes.live.merge(visitor, ts, Math::max);
            if (pageview) {
                hour.pageviewAt((int) (Math.floorMod(ts, UtcDays.HOUR) / 60_000L));
            }
        }
        writes.raw(day, Math.floorMod(ts, UtcDays.DAY) + SEP + event.name() + SEP + event.type() + SEP
                + event.visitorId() + SEP + session.id + SEP + path + SEP + session.attributes + SEP
                + event.browser() + SEP + event.os() + SEP + event.device() + SEP + event.screen() + SEP
                + event.language() + SEP + event.propsJson());
        return session.id;
    }

    private SessionState read(String field) {
        if (!writes.readStates.containsKey(field)) {
            String text = snapshot.state(field);
            writes.readStates.put(field, text == null ? "" : text);
            states.put(field, text == null ? null : SessionState.parse(text));
        }
        return states.get(field);
    }

    private SessionState startSession(Event event, BatchWrites.Day day, BatchWrites.Hour hour) {
        String attributes = event.source() + SEP + event.utm(0) + SEP + event.utm(1) + SEP + event.utm(2) + SEP
                + event.utm(3) + SEP + event.utm(4);
        String id = event.sessionId().isEmpty() ? event.newSessionId() : event.sessionId();
        SessionState session = SessionState.start(id, event.ts(), day.name, hour.name, attributes);
        day.count(hour.sessions, 1);
        String[] values = session.attributeValues();
        for (int i = 0; i < values.length; i++) {
            String value = sessionValue(i, values[i]);
            if (!value.isEmpty()) {
                writes.breakdowns.row(day, SESSION_DIMENSIONS[i], value).visit(event.visitorHash(), 1);
            }
        }
        for (int i = 0; i < DEVICE_DIMENSIONS.length; i++) {
            String value = deviceValue(event, i);
            if (!value.isEmpty()) {
                writes.breakdowns.row(day, DEVICE_DIMENSIONS[i], value).visit(event.visitorHash(), 1);
            }
        }
        return session;
    }

    /** Entry page: the first page view's path. Exit page: the latest page view's, moved as the session goes on. */
    private void enterAndExit(SessionState session, BatchWrites.Day startDay, String path, long ts, String visitor) {
        if (session.entry.isEmpty()) {
            session.entry = path;
            writes.breakdowns.row(startDay, "entryPage", path).visit(visitor, 1);
        }
        if (ts >= session.exitTs) {
            if (!session.exit.equals(path)) {
                if (!session.exit.isEmpty()) {
                    writes.breakdowns.row(startDay, "exitPage", session.exit).visit(null, -1);
                }
                writes.breakdowns.row(startDay, "exitPage", path).visit(null, 1);
                session.exit = path;
            }
            session.exitTs = ts;
        }
    }

    /** Session attributes (referrer, UTM, entry page) follow every event of the session; device values are the event's. */
    private void countAttributes(Event event, SessionState session, BatchWrites.Day day, boolean pageview) {
        String[] values = session.attributeValues();
        for (int i = 0; i < values.length; i++) {
            String value = sessionValue(i, values[i]);
            if (!value.isEmpty()) {
                writes.breakdowns.row(day, SESSION_DIMENSIONS[i], value).event(pageview);
            }
        }
        if (!session.entry.isEmpty()) {
            writes.breakdowns.row(day, "entryPage", session.entry).event(pageview);
        }
        for (int i = 0; i < DEVICE_DIMENSIONS.length; i++) {
            String value = deviceValue(event, i);
            if (!value.isEmpty()) {
                writes.breakdowns.row(day, DEVICE_DIMENSIONS[i], value).event(pageview);
            }
        }
    }

    /** Page, event name and properties: a visit counts once per session and value, told apart by tokens. */
    private void countEventValues(Event event, SessionState session, BatchWrites.Day day, boolean pageview) {
        String visitor = event.visitorHash();
        if (!event.path().isEmpty()) {
            eventRow(writes.breakdowns.row(day, "page", event.path()), session, token("p\n" + event.path()),
                    visitor, pageview);
        }
        eventRow(writes.breakdowns.row(day, "eventName", event.name()), session, token("n\n" + event.name()),
                visitor, pageview);
        if (!event.props().isEmpty()) {
            PropertyIndex index = writes.properties.get(day.name);
            for (Map.Entry<String, String> property : event.props().entrySet()) {
                String dimension = index.admit(property.getKey());
                if (dimension != null) {
                    eventRow(writes.breakdowns.row(day, dimension, property.getValue()), session,
                            token("k\n" + property.getKey() + '\n' + property.getValue()), visitor, pageview);
                }
            }
        }
    }

    private String token(String value) {
        return tokens.computeIfAbsent(value, BatchAccounting::tokenOf);
    }

    private static void eventRow(Breakdowns.Row row, SessionState session, String token, String visitor,
                                 boolean pageview) {
        row.event(pageview);
        if (session.firstVisit(token)) {
            row.visit(visitor, 1);
        }
    }

    private static String sessionValue(int index, String value) {
        return index == 0 && value.isEmpty() ? TrackingKeys.DIRECT : value;
    }

    /** The event's value of {@code DEVICE_DIMENSIONS[index]}. */
    private static String deviceValue(Event event, int index) {
        return switch (index) {
            case 0 -> event.browser();
            case 1 -> event.os();
            case 2 -> event.device();
            case 3 -> event.screen();
            default -> event.language();
        };
    }

    /** Eight characters; the leading '.' is outside the hash alphabet, so tokens only match where they start. */
    static String tokenOf(String value) {
        return "." + Hashes.base64(value, 7);
    }
}
