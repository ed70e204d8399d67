package io.trackingsystem.tracking.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.storage.TrackingKeys;

import java.util.List;

/**
 * The publish step: after a batch is stored, its new events go to the site's live channel as one JSON array.
 * Fire and forget, at most once: live views may miss an event, the stored counts never do.
 */
final class LivePublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redis redis;

    LivePublisher(Redis redis) {
        this.redis = redis;
    }

    /** {@code sessions} holds the stored session id per event, empty for duplicates, which are not published. */
    void publish(String account, List<Event> events, List<String> sessions) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < events.size(); i++) {
            if (!sessions.get(i).isEmpty()) {
                array.add(describe(events.get(i), sessions.get(i)));
            }
        }
        if (array.isEmpty()) {
            return;
        }
        try {
            redis.async().publish(TrackingKeys.of(account).liveChannel(), JSON.writeValueAsString(array));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static ObjectNode describe(Event event, String sessionId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", event.name());
        node.put("type", event.type());
        node.put("ts", event.ts());
        node.put("visitorId", event.visitorId());
        node.put("sessionId", sessionId);
        putIfPresent(node, "path", event.path());
        putIfPresent(node, "referrer", event.source());
        putIfPresent(node, "browser", event.browser());
        putIfPresent(node, "os", event.os());
        putIfPresent(node, "device", event.device());
        if (!event.props().isEmpty()) {
            ObjectNode props = node.putObject("props");
            event.props().forEach(props::put);
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
