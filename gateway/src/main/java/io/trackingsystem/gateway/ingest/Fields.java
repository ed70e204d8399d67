package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException.FieldError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the fields of one incoming event, collecting an error per bad field instead of stopping at the first, so
 * one answer names every problem. Absent, null and empty values all read as null.
 */
final class Fields {

    /** Errors beyond this many are dropped: a broken batch of 500 events must not produce a huge answer. */
    private static final int MAX_ERRORS = 100;
    private static final long LATEST_MS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final Pattern URL = Pattern.compile("(?i)https?://[^/?#\\s]+|/(?!/)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    /** @param path the event's position in the request, such as {@code batch[3]}, or empty for a lone event */
    Fields(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        if (!node.isObject()) {
            error(null, "must be a JSON object");
        }
    }

    boolean valid() {
        return node.isObject();
    }

    JsonNode node() {
        return node;
    }

    /** A string (numbers are taken as their text) of at most {@code maxChars}. */
    String text(String name, int maxChars) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            error(name, "must be a string");
            return null;
        }
        String text = value.asText();
        if (text.length() > maxChars) {
            error(name, "must be at most " + maxChars + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    String required(String name, int maxChars) {
        int known = errors.size();
        String text = text(name, maxChars);
        if (text == null && errors.size() == known) {
            error(name, "is required");
        }
        return text;
    }

    /** An absolute http(s) URL, or a path starting with {@code /}. */
    String url(String name) {
        String text = text(name, Integer.MAX_VALUE);
        if (text != null && !isUrl(text)) {
            error(name, "must be an absolute http(s) URL or a path starting with /");
            return null;
        }
        return text;
    }

    ObjectNode object(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isObject()) {
            error(name, "must be a JSON object");
            return null;
        }
        return (ObjectNode) value;
    }

    /** Epoch milliseconds, given as a number, a string of digits or an ISO-8601 date-time (UTC when no offset). */
    Long time(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        Long millis = millis(value);
        if (millis == null || millis < 0 || millis > LATEST_MS) {
            error(name, "must be epoch milliseconds or an ISO-8601 date-time");
            return null;
        }
        return millis;
    }

    void error(String name, String message) {
        if (errors.size() < MAX_ERRORS) {
            String field = name == null ? path : path.isEmpty() ? name : path + "." + name;
            errors.add(FieldError.of(field.isEmpty() ? "body" : field, message));
        }
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static Long millis(JsonNode value) {
        if (value.isNumber()) {
            return value.canConvertToLong() ? value.asLong() : null;
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().trim();
        if (DIGITS.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            Instant instant = parsed.isSupported(ChronoField.INSTANT_SECONDS) ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            return instant.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** Deliberately loose: browsers report URLs that strict URI parsers reject, and a page view must not be lost. */
    static boolean isUrl(String text) {
        return URL.matcher(text).lookingAt();
    }
}
