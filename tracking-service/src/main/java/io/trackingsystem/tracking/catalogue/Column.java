package io.trackingsystem.tracking.catalogue;

import io.trackingsystem.tracking.pipeline.Event;

import java.util.function.Function;

/**
 * A text value stored with every event: what it is called in the block format, and how the pipeline's event
 * yields it. Values are stored as each event had them; what belongs to a visit as a whole (its source and UTM
 * values, its entry and exit page) is derived when it is read, from the visit's events. A new column is one
 * constant here plus its derivation in the pipeline; readers of an older block see it as empty.
 */
public enum Column {

    NAME(16, Event::name),
    TYPE(17, Event::type),
    /** userId, else anonymousId, else a temporary id starting with "~". */
    VISITOR(18, Event::visitorId),
    /** The session id the sender gave, or "". */
    SESSION_ID(19, Event::sessionId),
    /** Page path without query or fragment. */
    PATH(20, Event::path),
    /** The event's own referrer source (Google, Hacker News, ...), or "" for none or an internal referrer. */
    SOURCE(21, Event::source),
    UTM_SOURCE(22, event -> event.utm(0)),
    UTM_MEDIUM(23, event -> event.utm(1)),
    UTM_CAMPAIGN(24, event -> event.utm(2)),
    UTM_TERM(25, event -> event.utm(3)),
    UTM_CONTENT(26, event -> event.utm(4)),
    BROWSER(27, Event::browser),
    OS(28, Event::os),
    /** desktop, mobile or tablet. */
    DEVICE(29, Event::device),
    SCREEN(30, Event::screen),
    LANGUAGE(31, Event::language),
    /** ISO 3166-1 alpha-2 of the visitor's address, as the gateway looked it up; "" when unknown. */
    COUNTRY(32, Event::country),
    /** ISO 3166-2 subdivision code (or the database's name for it); "" without a city-level database. */
    REGION(33, Event::region),
    /** The city's English name; "" without a city-level database. */
    CITY(34, Event::city);

    /** The campaign columns, in the order of {@code EventFields.UTM_MEMBERS}. */
    public static final Column[] UTM = {UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UTM_TERM, UTM_CONTENT};

    /**
     * The visit-level columns, in the order a visit keeps them: taken from its earliest event. The session id is
     * one: a visit is the events of one session key.
     */
    public static final Column[] VISIT_ATTRIBUTES = {SOURCE, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UTM_TERM,
            UTM_CONTENT, COUNTRY, REGION, CITY, SESSION_ID};

    private static final Column[] BY_ID = new Column[64];

    static {
        for (Column column : values()) {
            BY_ID[column.id] = column;
        }
    }

    private final int id;
    private final Function<Event, String> derivation;

    Column(int id, Function<Event, String> derivation) {
        this.id = id;
        this.derivation = derivation;
    }

    /** The column's id in the block format; never reused for another meaning. */
    public int id() {
        return id;
    }

    /** The pipeline event's value, "" when it has none. */
    public String of(Event event) {
        String value = derivation.apply(event);
        return value == null ? "" : value;
    }

    /** The column with this format id, or null for one this release does not know. */
    public static Column byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** Where this column's visit-level value sits in {@link #VISIT_ATTRIBUTES}, or -1. */
    public int visitAttributeIndex() {
        for (int i = 0; i < VISIT_ATTRIBUTES.length; i++) {
            if (VISIT_ATTRIBUTES[i] == this) {
                return i;
            }
        }
        return -1;
    }
}
