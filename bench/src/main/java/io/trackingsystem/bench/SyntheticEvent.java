package io.trackingsystem.bench;

import java.util.Map;
import java.util.UUID;

/**
 * One generated event, rendered either as a client sends it to {@code POST /api/events} or in the canonical shape
 * the gateway appends to the ingest stream (see the gateway's {@code CanonicalEvent}).
 *
 * @param query    the landing page's query string with UTM parameters, or ""
 * @param referrer the visit's referrer URL, only on its first event, or ""
 * @param props    custom properties of a custom event, empty for page views
 */
record SyntheticEvent(UUID id, String visitor, String name, String path, String query, String referrer,
                      Map<String, String> props, long ts, String userAgent, String ip, String screen,
                      String language) {

    static final String PAGEVIEW = "pageview";

    String url() {
        return Workload.SITE + path + query;
    }

    /** The native API's event object; the gateway stamps the time and takes the user agent from the request. */
    String nativeJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "eventName", name).append(',');
        field(json, "anonymousId", visitor).append(',');
        field(json, "page", url());
        if (!referrer.isEmpty()) {
            field(json.append(','), "referrer", referrer);
        }
        if (!props.isEmpty()) {
            properties(json.append(",\"context\":"));
        }
        field(json.append(','), "screen", screen).append(',');
        return field(json, "language", language).append('}').toString();
    }

    /** The entry the gateway would have written for this event: received when it happened. */
    String canonicalJson() {
        StringBuilder json = new StringBuilder(384).append('{');
        field(json, "id", id.toString()).append(',');
        field(json, "name", name).append(',');
        field(json, "type", PAGEVIEW.equals(name) ? "page" : "track").append(',');
        json.append("\"ts\":").append(ts).append(",\"receivedAt\":").append(ts).append(",\"props\":");
        properties(json).append(',');
        field(json, "anonymousId", visitor).append(',');
        field(json, "url", url()).append(',');
        if (!referrer.isEmpty()) {
            field(json, "referrer", referrer).append(',');
        }
        field(json, "userAgent", userAgent).append(',');
        field(json, "ip", ip).append(',');
        field(json, "screen", screen).append(',');
        return field(json, "language", language).append('}').toString();
    }

    private StringBuilder properties(StringBuilder json) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> prop : props.entrySet()) {
            if (!first) {
                json.append(',');
            }
            field(json, prop.getKey(), prop.getValue());
            first = false;
        }
        return json.append('}');
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c);
        }
        return json.append('"');
    }
}
