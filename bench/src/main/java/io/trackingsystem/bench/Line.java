package io.trackingsystem.bench;

import java.util.Locale;

/**
 * One machine-readable output line, {@code RESULT <name> key=value ...} or {@code SERIES <name> ...}, which
 * {@code bench/run} collects and {@link Report} turns into the results file. Values never contain spaces.
 */
final class Line {

    private final StringBuilder text;

    private Line(String kind, String name) {
        text = new StringBuilder(kind).append(' ').append(name);
    }

    static Line result(String name) {
        return new Line("RESULT", name);
    }

    static Line series(String name) {
        return new Line("SERIES", name);
    }

    Line add(String key, long value) {
        text.append(' ').append(key).append('=').append(value);
        return this;
    }

    Line add(String key, double value) {
        text.append(' ').append(key).append('=').append(String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    Line add(String key, String value) {
        text.append(' ').append(key).append('=').append(value.replace(' ', '_'));
        return this;
    }

    void print() {
        System.out.println(text);
        System.out.flush();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
