package io.trackingsystem.tracking.legacy;

import java.util.List;

/**
 * The layout of a raw event. Each event is one stream entry with the single field {@value #FIELD}; its value holds
 * the fields below, always all of them and always in the order {@link #ORDER}, joined by {@link #SEPARATOR}
 * (U+001F). Stored strings never contain control characters, so the separator is unambiguous; absent values are
 * empty strings. One packed value costs less memory than one stream field per value, and is cheaper to scan: a
 * reader gets one string per event and splits it ({@code value.split(SEPARATOR, -1)} in Java,
 * {@code string.match} in Lua).
 */
public final class RawFields {

    /** The stream entry's only field. */
    public static final String FIELD = "e";
    /** Joins the values of {@link #ORDER}. */
    public static final String SEPARATOR = "\u001f";

    /** Event time in ms since the start of the stream's UTC day. */
    public static final String TIME = "t";
    /** Event name; "pageview" for page views. */
    public static final String NAME = "n";
    /** track, page, screen, identify, group or alias. */
    public static final String TYPE = "k";
    /** Visitor id: userId, else anonymousId, else a temporary id starting with "~". */
    public static final String VISITOR = "v";
    public static final String SESSION = "s";
    /** Page path without query or fragment. */
    public static final String PATH = "p";
    /** Referrer source of the session; empty for direct visits. */
    public static final String REFERRER = "r";
    /** The session's UTM parameters. */
    public static final String UTM_SOURCE = "us";
    public static final String UTM_MEDIUM = "um";
    public static final String UTM_CAMPAIGN = "uc";
    public static final String UTM_TERM = "ut";
    public static final String UTM_CONTENT = "uo";
    public static final String BROWSER = "b";
    public static final String OS = "o";
    /** desktop, mobile or tablet. */
    public static final String DEVICE = "d";
    public static final String SCREEN = "sc";
    public static final String LANGUAGE = "l";
    /** Custom properties as a JSON object of strings; empty when none. */
    public static final String PROPS = "pr";

    /** The order of the values in {@link #FIELD}. */
    public static final List<String> ORDER = List.of(TIME, NAME, TYPE, VISITOR, SESSION, PATH, REFERRER,
            UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UTM_TERM, UTM_CONTENT, BROWSER, OS, DEVICE, SCREEN, LANGUAGE, PROPS);

    private RawFields() {
    }

    /** The values of a stored event, in {@link #ORDER}. */
    public static String[] split(String value) {
        return value.split(SEPARATOR, -1);
    }
}
