package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * One event in the shape the tracking-service consumes, whichever API it came in by. Absent values are left out,
 * so entries stay small; {@code props} is always present.
 */
final class CanonicalEvent {

    static final String PAGEVIEW = "pageview";

    private final ObjectNode json = JsonBody.JSON.createObjectNode();

    /**
     * @param messageId the sender's dedupe key; a random UUID when it gave none
     * @param name      {@code pageview} or the event's own name
     * @param type      track, page, screen, identify, group or alias
     */
    CanonicalEvent(String messageId, String name, String type, long timestamp, long receivedAt) {
        json.put("id", messageId != null ? messageId : UUID.randomUUID().toString());
        json.put("name", name);
        json.put("type", type);
        json.put("ts", timestamp);
        json.put("receivedAt", receivedAt);
        json.putObject("props");
    }

    CanonicalEvent put(String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(field, value);
        }
        return this;
    }

    CanonicalEvent put(String field, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            json.set(field, value);
        }
        return this;
    }

    /** Sets the fields taken from the HTTP request, unless the event already named them itself. */
    CanonicalEvent from(ClientRequest client, String userAgent, String ip) {
        put("userAgent", userAgent != null ? userAgent : client.userAgent());
        put("ip", ip != null ? ip : client.ip());
        return this;
    }

    String toJson() {
        return json.toString();
    }
}
