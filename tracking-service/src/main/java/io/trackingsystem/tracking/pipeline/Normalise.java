package io.trackingsystem.tracking.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the untrusted entry into typed, bounded fields. Wrong types count as absent; over-long strings are cut;
 * an entry without account, id or name is dropped as malformed. Timestamps in the future (beyond an hour of
 * clock skew) are replaced by the receive time; events whose day has left the raw retention are dropped.
 */
public final class Normalise implements Step {

    static final int MAX_JSON = 65_536;
    static final int MAX_PROPS = 20;
    private static final long DAY = 86_400_000L;
    private static final long MAX_SKEW = 3_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ACCOUNT = 64;
    private static final Pattern SCREEN = Pattern.compile("\\d{1,5}x\\d{1,5}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final Set<String> TYPES = Set.of("track", "page", "screen", "identify", "group", "alias");

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
        event.id(identifier(json.get("id")));
        String rawType = text(json.get("type"), 16).toLowerCase(java.util.Locale.ROOT);
        String name = text(json.get("name"), 100);
        String type = TYPES.contains(rawType) ? rawType : "pageview".equals(name) ? "page" : "track";
        if (name.isEmpty()) {
            name = "page".equals(type) ? "pageview" : "track".equals(type) ? "" : type;
        }
        if (event.id().isEmpty() || name.isEmpty()) {
            event.drop(DropReason.MALFORMED);
            return;
        }
        event.name(name);
        event.type(type);
        long now = clock.millis();
        long receivedAt = positive(json.get("receivedAt"), now);
        long ts = positive(json.get("ts"), receivedAt);
        event.receivedAt(receivedAt);
        event.ts(ts > receivedAt + MAX_SKEW ? receivedAt : ts);
        if (event.ts() - event.ts() % DAY + DAY + rawRetentionMillis <= now) {
            event.drop(DropReason.TOO_OLD);
            return;
        }
        event.sessionId(identifier(json.get("sessionId")));
        event.userId(identifier(json.get("userId")));
        event.anonymousId(identifier(json.get("anonymousId")));
        event.url(text(json.get("url"), 2000));
        event.referrer(text(json.get("referrer"), 2000));
        event.userAgent(text(json.get("userAgent"), 512));
        event.ip(text(json.get("ip"), 64));
        event.screen(matching(text(json.get("screen"), 11), SCREEN));
        event.language(matching(text(json.get("language"), 35), LANGUAGE));
        readProps(event, json.get("props"));
        JsonNode utm = json.get("utm");
        if (utm != null && utm.isObject()) {
            for (int i = 0; i < Event.UTM_NAMES.length; i++) {
                event.utm(i, text(utm.get(Event.UTM_NAMES[i]), 200));
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
        if (account == null || !isAccountId(account) || raw == null || raw.length() > MAX_JSON) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void readProps(Event event, JsonNode props) {
        if (props == null || !props.isObject() || props.isEmpty()) {
            return;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        var fields = props.fields();
        while (fields.hasNext() && kept.size() < MAX_PROPS) {
            var field = fields.next();
            String key = Text.clean(field.getKey(), 50);
            JsonNode value = field.getValue();
            if (!key.isEmpty() && value.isValueNode() && !value.isNull()) {
                kept.put(key, Text.clean(value.asText(), 200));
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
        return Text.clean(node.asText(), 128);
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
