package io.trackingsystem.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.UUID;

/** Builds event JSON as the gateway writes it to the ingest stream. */
public final class TestEvents {

    public static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    public static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    public static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node = JSON.createObjectNode();

    private TestEvents(String type, String name, long ts) {
        node.put("id", UUID.randomUUID().toString());
        node.put("type", type);
        node.put("name", name);
        node.put("ts", ts);
        node.put("receivedAt", ts);
        node.put("userAgent", CHROME);
    }

    public static TestEvents pageview(String visitor, String url, long ts) {
        return new TestEvents("page", "pageview", ts).set("anonymousId", visitor).set("url", url);
    }

    public static TestEvents track(String visitor, String name, long ts) {
        return new TestEvents("track", name, ts).set("anonymousId", visitor);
    }

    public TestEvents set(String field, String value) {
        node.put(field, value);
        return this;
    }

    public TestEvents set(String field, long value) {
        node.put(field, value);
        return this;
    }

    public TestEvents props(Map<String, ?> props) {
        node.set("props", JSON.valueToTree(props));
        return this;
    }

    public TestEvents utm(Map<String, String> utm) {
        node.set("utm", JSON.valueToTree(utm));
        return this;
    }

    public TestEvents without(String field) {
        node.remove(field);
        return this;
    }

    public String id() {
        return node.get("id").asText();
    }

    public String json() {
        return node.toString();
    }
}
