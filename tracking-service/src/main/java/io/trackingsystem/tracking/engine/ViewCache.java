package io.trackingsystem.tracking.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The days held ready to query, over all sites, least recently used first out once their estimated size passes
 * the bound. Each entry remembers what it was built from (its signature: the day's segment and pending block ids),
 * so a changed day is built anew.
 */
final class ViewCache {

    /** A day of one site's data; {@code owner} is the {@link SiteData} whose codes the view uses. */
    record Key(Object owner, int epochDay) {
    }

    private record Entry(String signature, DayView view) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ViewCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized DayView get(Key key, String signature) {
        Entry entry = entries.get(key);
        return entry != null && entry.signature.equals(signature) ? entry.view : null;
    }

    synchronized void put(Key key, String signature, DayView view) {
        Entry previous = entries.put(key, new Entry(signature, view));
        if (previous != null) {
            bytes -= previous.view.bytes();
        }
        bytes += view.bytes();
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<Key, Entry> eldest = oldest.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            bytes -= eldest.getValue().view.bytes();
            oldest.remove();
        }
    }

    synchronized boolean holds(Object owner) {
        return entries.keySet().stream().anyMatch(key -> key.owner() == owner);
    }

    synchronized long bytes() {
        return bytes;
    }
}
