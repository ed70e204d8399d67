package io.trackingsystem.tracking.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.contract.EventFields;
import io.trackingsystem.routes.contract.EventLimits;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the untrusted entry into typed, bounded fields. Wrong types count as absent; strings over the
 * {@link EventLimits} are cut; an entry without account, id or name is dropped as malformed. Timestamps in the
 * future (beyond an hour of clock skew) are replaced by the receive time; events whose day has left the raw
 * retention are dropped.
 */
public final class Normalise implements Step {

    private static final long DAY = 86_400_000L;
    private static final long MAX_SKEW = 3_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ACCOUNT = 64;
    private static final Pattern SCREEN = Pattern.compile(EventLimits.SCREEN_PATTERN);
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final Pattern COUNTRY = Pattern.compile(EventLimits.COUNTRY_PATTERN);

    private final long rawRetentionMillis;
    private final Clock clock;

    public Normalise(long rawRetentionMillis, Clock clock) {
        this.rawRetentionMillis = rawRetentionMillis;
        this.clock = clock;
    }

    @Override
    public void apply(Event event) {
        JsonNode json = parse(event);
        if (json == null) {
            event.drop(DropReason.MALFORMED);
            return;
        }
        event.account(event.rawAccount());
        event.id(identifier(json.get(EventFields.ID)));
        String rawType = text(json.get(EventFields.TYPE), EventLimits.NAME_CHARS).toLowerCase(Locale.ROOT);
        String name = text(json.get(EventFields.NAME), EventLimits.NAME_CHARS);
        String type = EventFields.TYPES.contains(rawType) ? rawType
                : EventFields.PAGEVIEW.equals(name) ? "page" : "track";
        if (name.isEmpty()) {
            name = "page".equals(type) ? EventFields.PAGEVIEW : "track".equals(type) ? "" : type;
        }
        if (event.id().isEmpty() || name.isEmpty()) {
            event.drop(DropReason.MALFORMED);
            return;
        }
        event.name(name);
        event.type(type);
        long now = clock.millis();
        long receivedAt = positive(json.get(EventFields.RECEIVED_AT), now);
        long ts = positive(json.get(EventFields.TIMESTAMP), receivedAt);
        event.receivedAt(receivedAt);
        event.ts(ts > receivedAt + MAX_SKEW ? receivedAt : ts);
        if (event.ts() - event.ts() % DAY + DAY + rawRetentionMillis <= now) {
            event.drop(DropReason.TOO_OLD);
            return;
        }
        event.sessionId(identifier(json.get(EventFields.SESSION_ID)));
        event.userId(identifier(json.get(EventFields.USER_ID)));
        event.anonymousId(identifier(json.get(EventFields.ANONYMOUS_ID)));
        event.temporaryVisitorId(identifier(json.get(EventFields.TEMPORARY_VISITOR_ID)));
        event.url(text(json.get(EventFields.URL), EventLimits.URL_CHARS));
        event.referrer(text(json.get(EventFields.REFERRER), EventLimits.URL_CHARS));
        event.userAgent(text(json.get(EventFields.USER_AGENT), EventLimits.USER_AGENT_CHARS));
        event.ip(text(json.get(EventFields.LEGACY_IP), EventLimits.ADDRESS_CHARS));
        event.screen(matching(text(json.get(EventFields.SCREEN), EventLimits.SCREEN_CHARS), SCREEN));
        event.language(matching(text(json.get(EventFields.LANGUAGE), EventLimits.LANGUAGE_CHARS), LANGUAGE));
        readLocation(event, json);
        readProps(event, json.get(EventFields.PROPERTIES));
        JsonNode utm = json.get(EventFields.UTM);
        if (utm != null && utm.isObject()) {
            for (int i = 0; i < EventFields.UTM_MEMBERS.size(); i++) {
                event.utm(i, text(utm.get(EventFields.UTM_MEMBERS.get(i)), EventLimits.UTM_CHARS));
            }
        }
        Urls.Parts page = Urls.parse(event.url());
        event.host(page.host());
        event.path(page.path());
    }

    /** {@code [A-Za-z0-9._:-]{1,64}}, checked by hand: it runs once per event, and a regex cost as much as the JSON. */
    static boolean isAccountId(String account) {
        int length = account.length();
        if (length == 0 || length > MAX_ACCOUNT) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = account.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode parse(Event event) {
        String account = event.rawAccount();
        String raw = event.rawJson();
        if (account == null || !isAccountId(account) || raw == null
                || raw.length() > EventLimits.CANONICAL_EVENT_CHARS) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Region and city mean something only within a country, so without a valid country none is kept. */
    private static void readLocation(Event event, JsonNode json) {
        String country = matching(text(json.get(EventFields.COUNTRY), 2), COUNTRY);
        if (country.isEmpty()) {
            return;
        }
        event.location(country, text(json.get(EventFields.REGION), EventLimits.REGION_CHARS),
                text(json.get(EventFields.CITY), EventLimits.CITY_CHARS));
    }

    private static void readProps(Event event, JsonNode props) {
        if (props == null || !props.isObject() || props.isEmpty()) {
            return;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        var fields = props.fields();
        while (fields.hasNext() && kept.size() < EventLimits.PROPERTIES) {
            var field = fields.next();
            String key = Text.clean(field.getKey(), EventLimits.PROPERTY_KEY_CHARS);
            JsonNode value = field.getValue();
            if (!key.isEmpty() && value.isValueNode() && !value.isNull()) {
                kept.put(key, Text.clean(value.asText(), EventLimits.PROPERTY_VALUE_CHARS));
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        try {
            event.props(Map.copyOf(kept), JSON.writeValueAsString(kept));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** Ids may be sent as numbers; anything else that is not text counts as absent. */
    private static String identifier(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
            return "";
        }
        return Text.clean(node.asText(), EventLimits.ID_CHARS);
    }

    private static String text(JsonNode node, int max) {
        return node != null && node.isTextual() ? Text.clean(node.textValue(), max) : "";
    }

    private static long positive(JsonNode node, long fallback) {
        if (node == null || !node.isNumber()) {
            return fallback;
        }
        long value = node.asLong();
        return value > 0 ? value : fallback;
    }

    private static String matching(String value, Pattern pattern) {
        return pattern.matcher(value).matches() ? value : "";
    }
}
