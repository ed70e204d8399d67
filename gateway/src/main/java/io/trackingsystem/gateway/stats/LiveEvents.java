package io.trackingsystem.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;

/**
 * Turns what the tracking-service publishes on an account's live channel — a JSON array of newly stored events
 * ({@code name, type, ts, visitorId, sessionId, path?, referrer?, browser?, os?, device?, props?}) — into
 * server-sent events, one {@code data:} frame per event, in the shape the event list answers with.
 */
final class LiveEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveEvents() {
    }

    /** The frames of one published message; "" for a message that is not an array of events. */
    static String frames(String message) {
        JsonNode events;
        try {
            events = JSON.readTree(message);
        } catch (IOException e) {
            return "";
        }
        if (events == null || !events.isArray()) {
            return "";
        }
        StringBuilder frames = new StringBuilder();
        for (JsonNode event : events) {
            if (event.isObject()) {
                frames.append("data: ").append(describe(event)).append("\n\n");
            }
        }
        return frames.toString();
    }

    private static ObjectNode describe(JsonNode event) {
        ObjectNode out = JSON.createObjectNode();
        out.put("eventName", event.path("name").asText());
        out.put("timestamp", Instant.ofEpochMilli(event.path("ts").asLong()).toString());
        out.put("visitorId", event.path("visitorId").asText());
        out.put("sessionId", event.path("sessionId").asText());
        out.put("page", event.path("path").asText(""));
        out.put("referrer", event.path("referrer").asText(""));
        out.put("browser", event.path("browser").asText(""));
        out.put("os", event.path("os").asText(""));
        out.put("device", event.path("device").asText(""));
        out.set("properties", event.path("props").isObject() ? event.get("props") : JSON.createObjectNode());
        return out;
    }
}
