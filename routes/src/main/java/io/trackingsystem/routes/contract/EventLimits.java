package io.trackingsystem.routes.contract;

/**
 * Every limit of one event, in one place: the gateway refuses what is over them (or, where noted, cuts it) and the
 * tracking-service's pipeline cuts anything over them in entries it reads, so both sides agree on what an event
 * can hold. Lengths count UTF-16 characters, sizes bytes of request JSON.
 */
public final class EventLimits {

    /** Ids: {@code messageId}, {@code userId}, {@code anonymousId}, {@code sessionId}, groups and aliases. */
    public static final int ID_CHARS = 200;
    /** Event names, page names and calls. */
    public static final int NAME_CHARS = 200;
    /** Custom properties kept per event; the pipeline keeps the first ones with a scalar value. */
    public static final int PROPERTIES = 20;
    /** A custom property's key, cut by the pipeline. */
    public static final int PROPERTY_KEY_CHARS = 50;
    /** A custom property's value as text, cut by the pipeline. */
    public static final int PROPERTY_VALUE_CHARS = 200;
    /** Page URL and referrer, cut by the pipeline: a page view is never refused for a long URL. */
    public static final int URL_CHARS = 2000;
    /** The page title. */
    public static final int TITLE_CHARS = 1000;
    /** {@code <width>x<height>}, up to five digits each. */
    public static final String SCREEN_PATTERN = "\\d{1,5}x\\d{1,5}";
    public static final int SCREEN_CHARS = 11;
    /** A BCP 47 language tag. */
    public static final int LANGUAGE_CHARS = 35;
    /** A user agent, cut by the gateway and the pipeline alike. */
    public static final int USER_AGENT_CHARS = 512;
    /** An IP address as a sender may name it; IPv6 with a zone fits. */
    public static final int ADDRESS_CHARS = 64;
    /** An ISO 3166-1 alpha-2 country code. */
    public static final String COUNTRY_PATTERN = "[A-Z]{2}";
    /** A region: an ISO 3166-2 code is at most 6 characters, a database's subdivision name may be longer. */
    public static final int REGION_CHARS = 100;
    /** A city's name. */
    public static final int CITY_CHARS = 100;
    /** Each campaign (UTM) value, cut by the pipeline. */
    public static final int UTM_CHARS = 200;
    /** One event in a request: 32 KB. */
    public static final int EVENT_BYTES = 32 * 1024;
    /** One request body, after decompression: 500 KB. */
    public static final int BATCH_BYTES = 500 * 1024;
    /** Events in one request. */
    public static final int BATCH_EVENTS = 500;
    /**
     * One canonical event on the ingest stream. An event within {@link #EVENT_BYTES} stays well below it, since
     * the gateway adds only short values; the pipeline drops longer entries as malformed.
     */
    public static final int CANONICAL_EVENT_CHARS = 2 * EVENT_BYTES;

    private EventLimits() {
    }
}
