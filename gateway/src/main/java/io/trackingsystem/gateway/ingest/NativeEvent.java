package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.contract.EventFields;
import io.trackingsystem.routes.contract.EventLimits;

import java.util.regex.Pattern;

/** Maps one event of the native API ({@code POST /api/events}) to the canonical shape. */
final class NativeEvent {

    /** The event name the first SDK used for page views. */
    static final String LEGACY_PAGEVIEW = "PAGE_VIEW";
    private static final Pattern SCREEN = Pattern.compile(EventLimits.SCREEN_PATTERN);

    private NativeEvent() {
    }

    /** The event in canonical shape, or null when it is invalid; the reasons are added to {@code fields}' errors. */
    static CanonicalEvent normalise(Fields fields, ClientRequest client) {
        if (!fields.valid()) {
            return null;
        }
        String name = fields.required("eventName", EventLimits.NAME_CHARS);
        Long time = fields.time("eventTime");
        String messageId = fields.text("messageId", EventLimits.ID_CHARS);
        String sessionId = fields.text("sessionId", EventLimits.ID_CHARS);
        String userId = fields.text("userId", EventLimits.ID_CHARS);
        String anonymousId = fields.text("anonymousId", EventLimits.ID_CHARS);
        String page = fields.url("page");
        String referrer = fields.text("referrer", Integer.MAX_VALUE);
        String title = fields.text("title", EventLimits.TITLE_CHARS);
        String screen = fields.text("screen", EventLimits.SCREEN_CHARS);
        if (screen != null && !SCREEN.matcher(screen).matches()) {
            fields.error("screen", "must look like 1920x1080");
        }
        String language = fields.text("language", EventLimits.LANGUAGE_CHARS);
        String userAgent = fields.text("userAgent", Integer.MAX_VALUE);
        String ip = fields.text("ip", EventLimits.ADDRESS_CHARS);
        var props = fields.object("context");
        if (name == null) {
            return null;
        }
        String canonicalName = LEGACY_PAGEVIEW.equals(name) ? EventFields.PAGEVIEW : name;
        String type = EventFields.PAGEVIEW.equals(canonicalName) ? "page" : "track";
        return new CanonicalEvent(messageId, canonicalName, type, time != null ? time : client.receivedAt(),
                client.receivedAt())
                .put(EventFields.SESSION_ID, sessionId)
                .put(EventFields.USER_ID, userId)
                .put(EventFields.ANONYMOUS_ID, anonymousId)
                .put(EventFields.URL, page)
                .put(EventFields.REFERRER, referrer)
                .put(EventFields.TITLE, title)
                .put(EventFields.PROPERTIES, props)
                .about(client, userAgent, ip)
                .put(EventFields.SCREEN, screen)
                .put(EventFields.LANGUAGE, language);
    }
}
