package io.trackingsystem.gateway.ingest;

import java.util.regex.Pattern;

/** Maps one event of the native API ({@code POST /api/events}) to the canonical shape. */
final class NativeEvent {

    /** The event name the first SDK used for page views. */
    static final String LEGACY_PAGEVIEW = "PAGE_VIEW";
    private static final Pattern SCREEN = Pattern.compile("\\d{1,5}x\\d{1,5}");
    private static final int LANGUAGE_CHARS = 35;
    private static final int TITLE_CHARS = 1000;

    private NativeEvent() {
    }

    /** The event as canonical JSON, or null when it is invalid; the reasons are added to {@code fields}' errors. */
    static String normalise(Fields fields, ClientRequest client) {
        if (!fields.valid()) {
            return null;
        }
        String name = fields.required("eventName", Limits.NAME_CHARS);
        Long time = fields.time("eventTime");
        String messageId = fields.text("messageId", Limits.NAME_CHARS);
        String sessionId = fields.text("sessionId", Limits.NAME_CHARS);
        String userId = fields.text("userId", Limits.NAME_CHARS);
        String anonymousId = fields.text("anonymousId", Limits.NAME_CHARS);
        String page = fields.url("page");
        String referrer = fields.text("referrer", Integer.MAX_VALUE);
        String title = fields.text("title", TITLE_CHARS);
        String screen = fields.text("screen", Limits.NAME_CHARS);
        if (screen != null && !SCREEN.matcher(screen).matches()) {
            fields.error("screen", "must look like 1920x1080");
        }
        String language = fields.text("language", LANGUAGE_CHARS);
        var props = fields.object("context");
        if (name == null) {
            return null;
        }
        String canonicalName = LEGACY_PAGEVIEW.equals(name) ? CanonicalEvent.PAGEVIEW : name;
        String type = CanonicalEvent.PAGEVIEW.equals(canonicalName) ? "page" : "track";
        return new CanonicalEvent(messageId, canonicalName, type, time != null ? time : client.receivedAt(),
                client.receivedAt())
                .put("sessionId", sessionId)
                .put("userId", userId)
                .put("anonymousId", anonymousId)
                .put("url", page)
                .put("referrer", referrer)
                .put("title", title)
                .put("props", props)
                .from(client, null, null)
                .put("screen", screen)
                .put("language", language)
                .toJson();
    }
}
