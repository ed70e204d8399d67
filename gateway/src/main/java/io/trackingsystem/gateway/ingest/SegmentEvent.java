package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.EventFields;
import io.trackingsystem.routes.contract.EventLimits;

import java.util.List;

/**
 * Maps one event of the Segment spec to the canonical shape. Segment's {@code context} is loosely typed, so its
 * members are taken when they have the expected type and ignored otherwise: a library's extra context never fails
 * an event. A server relaying its visitor's event names the visitor in {@code context.ip} and
 * {@code context.userAgent}; those then stand for the request's own.
 */
final class SegmentEvent {

    /** Segment's campaign members, in the order of the canonical utm members they become. */
    private static final List<String> CAMPAIGN = List.of("source", "medium", "name", "term", "content");

    private SegmentEvent() {
    }

    /**
     * The event in canonical shape, or null when it is invalid; the reasons are added to {@code fields}' errors.
     *
     * @param type         the call, from the path; null for batch items, which name their own
     * @param batchContext the batch's {@code context}, merged under the event's own
     * @param batchSentAt  the batch's {@code sentAt}, used when the event has none
     */
    static CanonicalEvent normalise(Fields fields, String type, ObjectNode batchContext, Long batchSentAt,
                            ClientRequest client) {
        if (!fields.valid()) {
            return null;
        }
        String call = type != null ? type : fields.required("type", EventLimits.NAME_CHARS);
        if (call != null && !EventFields.TYPES.contains(call)) {
            fields.error("type", "must be one of track, page, screen, identify, group, alias");
            return null;
        }
        String messageId = fields.text("messageId", EventLimits.ID_CHARS);
        String userId = fields.text("userId", EventLimits.ID_CHARS);
        String anonymousId = fields.text("anonymousId", EventLimits.ID_CHARS);
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
            case "track" -> fields.required("event", EventLimits.NAME_CHARS);
            case "page", "screen" -> EventFields.PAGEVIEW;
            default -> call;
        };
        String pageName = page ? fields.text("name", EventLimits.NAME_CHARS) : null;
        String groupId = call.equals("group") ? fields.required("groupId", EventLimits.ID_CHARS) : null;
        String previousId = call.equals("alias") ? fields.required("previousId", EventLimits.ID_CHARS) : null;
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
                .put(EventFields.USER_ID, userId)
                .put(EventFields.ANONYMOUS_ID, anonymousId)
                .put(EventFields.URL, first(url(pageProps.path("url")), url(pageContext.path("url")),
                        url(pageProps.path("path")), url(pageContext.path("path"))))
                .put(EventFields.REFERRER, first(text(pageProps.path("referrer")),
                        text(pageContext.path("referrer"))))
                .put(EventFields.TITLE, first(text(pageProps.path("title")), text(pageContext.path("title"))))
                .put(EventFields.PROPERTIES, props)
                .put(EventFields.TRAITS, traits)
                .put(EventFields.GROUP_ID, groupId)
                .put(EventFields.PREVIOUS_ID, previousId)
                .about(client, text(context.path("userAgent")), address(context.path("ip")))
                .put(EventFields.SCREEN, screen(context.path("screen")))
                .put(EventFields.LANGUAGE, text(context.path("locale")))
                .put(EventFields.UTM, utm(context.path("campaign")));
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
        for (int i = 0; i < CAMPAIGN.size(); i++) {
            String value = text(campaign.path(CAMPAIGN.get(i)));
            if (value != null) {
                utm.put(EventFields.UTM_MEMBERS.get(i), value);
            }
        }
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

    /** An address the sender named: text of a sensible length, or nothing (the request's address stands). */
    private static String address(JsonNode value) {
        String text = text(value);
        return text != null && text.length() <= EventLimits.ADDRESS_CHARS ? text.strip() : null;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
