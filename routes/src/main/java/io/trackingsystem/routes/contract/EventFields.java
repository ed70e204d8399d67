package io.trackingsystem.routes.contract;

import java.util.List;
import java.util.Set;

/**
 * The members of the canonical event, the compact JSON object the gateway writes into {@link IngestStream#EVENT}
 * whichever API the event came in by, and the tracking-service's pipeline reads. Absent values are left out;
 * {@link #PROPERTIES} is always present. The limits of each value are in {@link EventLimits}.
 *
 * <p>The visitor's IP address is not a member: the gateway turns it into {@link #TEMPORARY_VISITOR_ID} and the
 * location codes {@link #COUNTRY}, {@link #REGION} and {@link #CITY}, and nothing else. Entries of the earlier
 * release carry it as {@link #LEGACY_IP}.
 */
public final class EventFields {

    /** The sender's dedupe key, or a random UUID the gateway assigned. */
    public static final String ID = "id";
    /** {@link #PAGEVIEW} for page views, else the event's own name. */
    public static final String NAME = "name";
    /** One of {@link #TYPES}. */
    public static final String TYPE = "type";
    /** When the event happened, epoch ms, with the sender's clock skew corrected. */
    public static final String TIMESTAMP = "ts";
    /** When the gateway received it, epoch ms. */
    public static final String RECEIVED_AT = "receivedAt";
    /** Custom properties, a JSON object. */
    public static final String PROPERTIES = "props";
    public static final String SESSION_ID = "sessionId";
    public static final String USER_ID = "userId";
    public static final String ANONYMOUS_ID = "anonymousId";
    /**
     * {@code ~} and 16 characters of a daily-salted hash of the visitor's address and user agent (see
     * {@link VisitorSalt}); written only when the event has neither {@link #USER_ID} nor {@link #ANONYMOUS_ID}.
     */
    public static final String TEMPORARY_VISITOR_ID = "tempVisitorId";
    /** The page: an absolute http(s) URL or a path starting with {@code /}. */
    public static final String URL = "url";
    public static final String REFERRER = "referrer";
    public static final String TITLE = "title";
    /** The visitor's browser: what the sender named, else the request's {@code User-Agent}. */
    public static final String USER_AGENT = "userAgent";
    /** {@code <width>x<height>}. */
    public static final String SCREEN = "screen";
    /** A BCP 47 language tag. */
    public static final String LANGUAGE = "language";
    /** Where the visitor's address is: an ISO 3166-1 alpha-2 code, upper case. */
    public static final String COUNTRY = "country";
    /** The subdivision within {@link #COUNTRY}: an ISO 3166-2 code such as {@code GB-ENG}, or the database's name. */
    public static final String REGION = "region";
    /** The city, by the database's English name. */
    public static final String CITY = "city";
    /** Campaign parameters, an object with the members {@link #UTM_MEMBERS}. */
    public static final String UTM = "utm";
    public static final String TRAITS = "traits";
    public static final String GROUP_ID = "groupId";
    public static final String PREVIOUS_ID = "previousId";
    /** The visitor's IP address, as entries of the earlier release carried it. Never written any more. */
    public static final String LEGACY_IP = "ip";

    /** The members of {@link #UTM}, in the order the tracking-service stores them. */
    public static final List<String> UTM_MEMBERS = List.of("source", "medium", "campaign", "term", "content");
    /** The values of {@link #TYPE}. */
    public static final Set<String> TYPES = Set.of("track", "page", "screen", "identify", "group", "alias");
    /** The {@link #NAME} of page views. */
    public static final String PAGEVIEW = "pageview";

    private EventFields() {
    }
}
