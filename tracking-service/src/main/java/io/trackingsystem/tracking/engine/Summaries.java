package io.trackingsystem.tracking.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What unfiltered queries worked out for whole days, kept for the next query: a day's totals, a day's breakdown
 * of one dimension. An entry is only as good as the day's view it came from, and, for what depends on sessions of
 * several days, the links it was computed under ({@link Sessions.Linked}); both are part of its key, so a changed
 * day is simply not found again and ages out. Least recently used first out past the bound.
 */
final class Summaries {

    /** A cached value and its size. */
    interface Summary {
        long bytes();
    }

    private record Key(DayView view, String kind, Object links) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Summary> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    Summaries(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @SuppressWarnings("unchecked")
    synchronized <T extends Summary> T get(DayView view, String kind, Object links) {
        return (T) entries.get(new Key(view, kind, links));
    }

    synchronized void put(DayView view, String kind, Object links, Summary summary) {
        Summary previous = entries.put(new Key(view, kind, links), summary);
        if (previous != null) {
            bytes -= previous.bytes();
        }
        bytes += summary.bytes();
        Iterator<Map.Entry<Key, Summary>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().bytes();
            oldest.remove();
        }
    }
}
