package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads the custom properties stored with an event: a JSON object of strings. */
final class Properties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Properties() {
    }

    /** The value of one property, "" when absent. Skips parsing when the key cannot be in the text. */
    static String value(String json, String key) {
        if (json.isEmpty() || (isPlain(key) && !json.contains('"' + key + '"'))) {
            return "";
        }
        JsonNode value = parse(json).get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** All properties as an object; an empty object when none. */
    static ObjectNode all(String json) {
        return json.isEmpty() ? JSON.createObjectNode() : parse(json);
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /** Keys JSON writes as they are. */
    private static boolean isPlain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
