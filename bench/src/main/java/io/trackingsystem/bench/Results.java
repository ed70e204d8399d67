package io.trackingsystem.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The lines a run collected: {@code RESULT <name> key=value ...} (one per measurement), {@code SERIES <name>
 * key=value ...} (samples over time) and {@code NOTE <text>} (what was skipped, and why).
 */
final class Results {

    private final Map<String, Map<String, String>> results = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> series = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    static Results parse(List<String> lines) {
        Results parsed = new Results();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("RESULT")) {
                parsed.results.computeIfAbsent(words[1], name -> new LinkedHashMap<>()).putAll(pairs(words));
            } else if (words.length >= 2 && words[0].equals("SERIES")) {
                parsed.series.computeIfAbsent(words[1], name -> new ArrayList<>()).add(pairs(words));
            } else if (words[0].equals("NOTE")) {
                parsed.notes.add(line.trim().substring(4).trim());
            }
        }
        return parsed;
    }

    private static Map<String, String> pairs(String[] words) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals > 0) {
                pairs.put(words[i].substring(0, equals), words[i].substring(equals + 1));
            }
        }
        return pairs;
    }

    boolean has(String name) {
        return results.containsKey(name);
    }

    Map<String, String> get(String name) {
        return results.getOrDefault(name, Map.of());
    }

    OptionalDouble number(String name, String key) {
        String value = get(name).get(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    String text(String name, String key) {
        return get(name).getOrDefault(key, "");
    }

    /** Names of results starting with {@code prefix}, in the order they were measured. */
    List<String> named(String prefix) {
        return results.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
    }

    List<Map<String, String>> series(String name) {
        return series.getOrDefault(name, List.of());
    }

    List<String> notes() {
        return notes;
    }
}
