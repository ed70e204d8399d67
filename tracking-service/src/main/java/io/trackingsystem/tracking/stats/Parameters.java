package io.trackingsystem.tracking.stats;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of an analytics request, as the gateway forwards them: the URL's query string
 * ({@code application/x-www-form-urlencoded}) as the request body. Repeated names keep every value in order.
 */
final class Parameters {

    private final Map<String, List<String>> values;

    private Parameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static Parameters parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new Parameters(values);
    }

    static Parameters of(Map<String, List<String>> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    /** The first value, or null when absent or empty. */
    String first(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
            return null;
        }
        return list.get(0);
    }

    /** Every non-empty value, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(value -> !value.isEmpty()).toList();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
