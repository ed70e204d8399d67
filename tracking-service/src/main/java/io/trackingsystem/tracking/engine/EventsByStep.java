package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

import java.util.Arrays;

/**
 * One day's events grouped by what a funnel step names: page views by their path, every other event by its name.
 * A funnel then reads only the events of its steps' keys instead of the whole day. Within a key the events keep
 * their order in the view. Built once per day view, by a counting sort over the keys.
 */
final class EventsByStep {

    /** The day's event positions, grouped by key. */
    private final int[] events;
    /** The distinct keys, ascending, and where each one's events start in {@link #events}; one more start ends. */
    private final int[] keys;
    private final int[] starts;

    private EventsByStep(int[] events, int[] keys, int[] starts) {
        this.events = events;
        this.keys = keys;
        this.starts = starts;
    }

    /** The key of page views of path {@code code}. */
    static int pageview(int code) {
        return code << 1;
    }

    /** The key of events (other than page views) named {@code code}. */
    static int named(int code) {
        return code << 1 | 1;
    }

    static EventsByStep of(DayView view, int pageviewCode) {
        int[] names = view.column(Column.NAME);
        int[] paths = view.column(Column.PATH);
        int n = view.size;
        int[] keyOf = new int[n];
        int max = -1;
        for (int e = 0; e < n; e++) {
            int key = names[e] == pageviewCode ? pageview(paths[e]) : named(names[e]);
            keyOf[e] = key;
            max = Math.max(max, key);
        }
        int[] count = new int[max + 2];
        for (int e = 0; e < n; e++) {
            count[keyOf[e] + 1]++;
        }
        int distinct = 0;
        for (int k = 0; k <= max; k++) {
            if (count[k + 1] > 0) {
                distinct++;
            }
            count[k + 1] += count[k];
        }
        int[] keys = new int[distinct];
        int[] starts = new int[distinct + 1];
        int d = 0;
        for (int k = 0; k <= max; k++) {
            if (count[k + 1] > count[k]) {
                keys[d] = k;
                starts[d++] = count[k];
            }
        }
        starts[distinct] = n;
        int[] events = new int[n];
        for (int e = 0; e < n; e++) {
            events[count[keyOf[e]]++] = e;
        }
        return new EventsByStep(events, keys, starts);
    }

    /** The event positions of {@code key} are {@code events()[first(key) .. end(key))}; empty if none. */
    int first(int key) {
        int at = Arrays.binarySearch(keys, key);
        return at < 0 ? 0 : starts[at];
    }

    int end(int key) {
        int at = Arrays.binarySearch(keys, key);
        return at < 0 ? 0 : starts[at + 1];
    }

    int[] events() {
        return events;
    }

    /** What it holds on the heap. */
    long bytes() {
        return 4L * events.length + 8L * keys.length + 64;
    }
}
