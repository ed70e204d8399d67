package io.trackingsystem.routes.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed settings from environment variables. Each service builds its own config record from one of these,
 * so defaults live next to the setting they govern. {@link #with} lets the launcher and tests override values
 * without touching the process environment.
 */
public final class Env {

    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    public Env with(String name, Object value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, String.valueOf(value));
        return new Env(copy);
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return optional(name).map(v -> parse(name, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long number(String name, long defaultValue) {
        return optional(name).map(v -> parse(name, v, Long::parseLong)).orElse(defaultValue);
    }

    public Duration millis(String name, long defaultMillis) {
        return Duration.ofMillis(number(name, defaultMillis));
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
