package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The days held ready to query, over all sites, least recently used first out once their estimated size passes
 * the bound. The bound covers the sites' dictionaries too: a site's data is counted once while it has a view here,
 * at its size when it last put one, and when its last view goes out it is released, so that the engine can let
 * the site and its dictionaries go. Each entry remembers what it was built from (its signature: the day's segment
 * and pending block ids), so a changed day is built anew.
 */
final class ViewCache {

    /** What views belong to: one site's data, whose dictionaries their codes index. */
    interface Owner {
        String site();

        /** Roughly what the owner's dictionaries hold on the heap. */
        long bytes();
    }

    /** A day of one site's data. */
    record Key(Owner owner, int epochDay) {
    }

    private record Entry(String signature, DayView view) {
    }

    /** An owner's views here, and the size it is counted at. */
    private static final class Held {
        private int views;
        private long bytes;
    }

    private final long maxBytes;
    private final Consumer<Owner> released;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Owner, Held> owners = new IdentityHashMap<>();
    private long bytes;

    /** {@code released} hears of each owner whose last view went out, outside the cache's lock. */
    ViewCache(long maxBytes, Consumer<Owner> released) {
        this.maxBytes = maxBytes;
        this.released = released;
    }

    synchronized DayView get(Key key, String signature) {
        Entry entry = entries.get(key);
        return entry != null && entry.signature.equals(signature) ? entry.view : null;
    }

    void put(Key key, String signature, DayView view) {
        List<Owner> gone;
        synchronized (this) {
            Entry previous = entries.put(key, new Entry(signature, view));
            Held held = owners.computeIfAbsent(key.owner(), owner -> new Held());
            if (previous != null) {
                bytes -= previous.view.bytes();
            } else {
                held.views++;
            }
            bytes += view.bytes();
            // the owner's dictionaries grew while the view was built
            long ownerBytes = key.owner().bytes();
            bytes += ownerBytes - held.bytes;
            held.bytes = ownerBytes;
            gone = evictBut(key);
        }
        gone.forEach(released);
    }

    /** Evicts the least recently used views but {@code kept} until within the bound; the owners left without any. */
    private List<Owner> evictBut(Key kept) {
        List<Owner> gone = new ArrayList<>();
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<Key, Entry> eldest = oldest.next();
            if (eldest.getKey().equals(kept)) {
                continue;
            }
            bytes -= eldest.getValue().view.bytes();
            oldest.remove();
            Owner owner = eldest.getKey().owner();
            Held held = owners.get(owner);
            if (--held.views == 0) {
                bytes -= held.bytes;
                owners.remove(owner);
                gone.add(owner);
            }
        }
        return gone;
    }

    synchronized boolean holds(Owner owner) {
        return owners.containsKey(owner);
    }

    /** Estimated heap of the views and their owners' dictionaries. */
    synchronized long bytes() {
        return bytes;
    }
}
