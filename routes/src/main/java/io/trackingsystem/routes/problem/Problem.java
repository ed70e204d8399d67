package io.trackingsystem.routes.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail: the one error shape every endpoint answers with.
 *
 * @param status     the HTTP status
 * @param title      a short, stable summary of the problem type
 * @param detail     what went wrong this time, for a human
 * @param extensions extra members, such as {@code errors} for validation or {@code retryAfter}
 */
public record Problem(int status, String title, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, Map.of());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Problem(status, title, detail, copy);
    }

    /** {@code type} is a stable slug of the title, so clients can switch on it. */
    public String type() {
        return "https://tracking-system.io/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type());
        node.put("title", title);
        node.put("status", status);
        if (detail != null) {
            node.put("detail", detail);
        }
        extensions.forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        return node.toString();
    }
}
