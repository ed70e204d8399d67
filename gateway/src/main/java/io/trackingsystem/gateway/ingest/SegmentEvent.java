package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Maps one event of the Segment spec to the canonical shape. Segment's {@code context} is loosely typed, so its
 * members are taken when they have the expected type and ignored otherwise: a library's extra context never fails
 * an event.
 */
final class SegmentEvent {

    static final Set<String> TYPES = Set.of("track", "page", "screen", "identify", "group", "alias");
    /** Segment campaign members and the canonical utm keys they become. */
    private static final Map<String, String> CAMPAIGN = Map.of("source", "source", "medium", "medium",
            "name", "campaign", "term", "term", "content", "content");

    private SegmentEvent() {
    }

    /**
     * The event as canonical JSON, or null when it is invalid; the reasons are added to {@code fields}' errors.
     *
     * @param type         the call, from the path; null for batch items, which name their own
     * @param batchContext the batch's {@code context}, merged under the event's own
     * @param batchSentAt  the batch's {@code sentAt}, used when the event has none
     */
    static String normalise(Fields fields, String type, ObjectNode batchContext, Long batchSentAt,
                            ClientRequest client) {
        if (!fields.valid()) {
            return null;
        }
        String call = type != null ? type : fields.required("type", Limits.NAME_CHARS);
        if (call != null && !TYPES.contains(call)) {
            fields.error("type", "must be one of track, page, screen, identify, group, alias");
            return null;
        }
        String messageId = fields.text("messageId", Limits.NAME_CHARS);
        String userId = fields.text("userId", Limits.NAME_CHARS);
        String anonymousId = fields.text("anonymousId", Limits.NAME_CHARS);
        if (userId == null && anonymousId == null) {
            fields.error("userId", "userId or anonymousId is required");
        }
        Long original = fields.time("timestamp");
        if (original == null) {
            original = fields.time("originalTimestamp");
        }
        Long sentAt = fields.time("sentAt");
        ObjectNode context = merged(batchContext, fields.object("context"));
        ObjectNode props = fields.object("properties");
        if (call == null) {
            return null;
        }
        boolean page = call.equals("page") || call.equals("screen");
        String name = switch (call) {
            case "track" -> fields.required("event", Limits.NAME_CHARS);
            case "page", "screen" -> CanonicalEvent.PAGEVIEW;
            default -> call;
        };
        String pageName = page ? fields.text("name", Limits.NAME_CHARS) : null;
        String groupId = call.equals("group") ? fields.required("groupId", Limits.NAME_CHARS) : null;
        String previousId = call.equals("alias") ? fields.required("previousId", Limits.NAME_CHARS) : null;
        ObjectNode traits = call.equals("identify") || call.equals("group") ? fields.object("traits") : null;
        if (name == null) {
            return null;
        }
        if (pageName != null) {
            props = props != null ? props : JsonBody.JSON.createObjectNode();
            if (!props.has("name")) {
                props.put("name", pageName);
            }
        }
        JsonNode pageContext = context.path("page");
        JsonNode pageProps = page && props != null ? props : JsonBody.JSON.missingNode();
        return new CanonicalEvent(messageId, name, call, timestamp(original, sentAt != null ? sentAt : batchSentAt,
                client.receivedAt()), client.receivedAt())
                .put("userId", userId)
                .put("anonymousId", anonymousId)
                .put("url", first(url(pageProps.path("url")), url(pageContext.path("url"))))
                .put("referrer", first(text(pageProps.path("referrer")), text(pageContext.path("referrer"))))
                .put("title", first(text(pageProps.path("title")), text(pageContext.path("title"))))
                .put("props", props)
                .put("traits", traits)
                .put("groupId", groupId)
                .put("previousId", previousId)
                .from(client, text(context.path("userAgent")), text(context.path("ip")))
                .put("screen", screen(context.path("screen")))
                .put("language", text(context.path("locale")))
                .put("utm", utm(context.path("campaign")))
                .toJson();
    }

    /** Corrects the sender's clock: what it measured between the event and sending still holds on ours. */
    static long timestamp(Long original, Long sentAt, long receivedAt) {
        if (original == null) {
            return receivedAt;
        }
        return sentAt == null ? original : receivedAt - (sentAt - original);
    }

    /** {@code own} over {@code base}, member by member, nested objects merged the same way. */
    static ObjectNode merged(ObjectNode base, ObjectNode own) {
        if (base == null || own == null) {
            return base != null ? base : own != null ? own : JsonBody.JSON.createObjectNode();
        }
        ObjectNode result = base.deepCopy();
        own.properties().forEach(member -> {
            JsonNode under = result.get(member.getKey());
            JsonNode over = member.getValue();
            result.set(member.getKey(), under instanceof ObjectNode nestedBase && over instanceof ObjectNode nestedOwn
                    ? merged(nestedBase, nestedOwn) : over);
        });
        return result;
    }

    private static ObjectNode utm(JsonNode campaign) {
        ObjectNode utm = JsonBody.JSON.createObjectNode();
        CAMPAIGN.forEach((member, key) -> {
            String value = text(campaign.path(member));
            if (value != null) {
                utm.put(key, value);
            }
        });
        return utm.isEmpty() ? null : utm;
    }

    private static String screen(JsonNode screen) {
        JsonNode width = screen.path("width");
        JsonNode height = screen.path("height");
        return width.isIntegralNumber() && height.isIntegralNumber()
                ? width.asLong() + "x" + height.asLong() : null;
    }

    private static String url(JsonNode value) {
        String text = text(value);
        return text != null && Fields.isUrl(text) ? text : null;
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
