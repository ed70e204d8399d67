package io.trackingsystem.tracking.storage;

/**
 * The stored state of one running session, a field of {@code P:s:<generation>}. Its text is thirteen values joined
 * by U+001E: session id, start time, first event time, last event time, page views, events, start day, start hour,
 * entry page, exit page, exit page time, session attributes (referrer source and the five UTM values joined by
 * U+001F) and the visit tokens already counted (8 characters each). Numbers are decimal milliseconds or counts.
 */
final class SessionState {

    static final char SEPARATOR = '\u001e';
    private static final int VALUES = 13;
    /** A session remembers at most 64 visit tokens; further new values of the session count no visit. */
    static final int SEEN_LIMIT = 64 * 8;

    String id;
    long start;
    long first;
    long last;
    long pageviews;
    long events;
    String startDay;
    String startHour;
    String entry;
    String exit;
    long exitTs;
    String attributes;
    String seen;
    private String[] attributeValues;

    static SessionState start(String id, long ts, String day, String hour, String attributes) {
        SessionState state = new SessionState();
        state.id = id;
        state.start = ts;
        state.first = ts;
        state.last = ts;
        state.startDay = day;
        state.startHour = hour;
        state.entry = "";
        state.exit = "";
        state.attributes = attributes;
        state.seen = "";
        return state;
    }

    /** The state, or null when the text is not one (it then counts as no session, as the script always did). */
    static SessionState parse(String text) {
        String[] values = new String[VALUES];
        int from = 0;
        for (int i = 0; i < VALUES; i++) {
            int to = i == VALUES - 1 ? text.length() : text.indexOf(SEPARATOR, from);
            if (to < 0 || (i == VALUES - 1 && text.indexOf(SEPARATOR, from) >= 0)) {
                return null;
            }
            values[i] = text.substring(from, to);
            from = to + 1;
        }
        try {
            SessionState state = new SessionState();
            state.id = values[0];
            state.start = Long.parseLong(values[1]);
            state.first = Long.parseLong(values[2]);
            state.last = Long.parseLong(values[3]);
            state.pageviews = Long.parseLong(values[4]);
            state.events = Long.parseLong(values[5]);
            state.startDay = values[6];
            state.startHour = values[7];
            state.entry = values[8];
            state.exit = values[9];
            state.exitTs = Long.parseLong(values[10]);
            state.attributes = values[11];
            state.seen = values[12];
            return state;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String format() {
        StringBuilder out = new StringBuilder(96 + attributes.length() + seen.length());
        out.append(id).append(SEPARATOR).append(start).append(SEPARATOR).append(first).append(SEPARATOR)
                .append(last).append(SEPARATOR).append(pageviews).append(SEPARATOR).append(events).append(SEPARATOR)
                .append(startDay).append(SEPARATOR).append(startHour).append(SEPARATOR).append(entry)
                .append(SEPARATOR).append(exit).append(SEPARATOR).append(exitTs).append(SEPARATOR)
                .append(attributes).append(SEPARATOR).append(seen);
        return out.toString();
    }

    boolean isBounce() {
        return pageviews == 1 && events == 1;
    }

    /** The referrer source and UTM values, split once per session. */
    String[] attributeValues() {
        if (attributeValues == null) {
            attributeValues = attributes.split(RawFields.SEPARATOR, -1);
        }
        return attributeValues;
    }

    /**
     * Records that the session met a value: true the first time (a visit), false when the token is known or the
     * session already remembers {@link #SEEN_LIMIT} characters of tokens. Tokens start with '.', which the token
     * alphabet lacks, so a match inside {@link #seen} is always a whole token.
     */
    boolean firstVisit(String token) {
        if (seen.length() >= SEEN_LIMIT || seen.contains(token)) {
            return false;
        }
        seen = seen + token;
        return true;
    }
}
