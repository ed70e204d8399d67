package io.trackingsystem.tracking.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * One XRANGE/XREVRANGE reply of a raw stream: its events, and how many entries it held and the last one's id,
 * which tell a reader where to continue, also past an entry that could not be read as an event.
 */
final class RawChunk {

    private final List<RawEvent> events;
    private int entries;
    private String lastId = "";

    RawChunk(int expected) {
        this.events = new ArrayList<>(expected);
    }

    List<RawEvent> events() {
        return events;
    }

    /** Entries read, events or not. */
    int entries() {
        return entries;
    }

    /** The id of the last entry read, "" when none. */
    String lastId() {
        return lastId;
    }

    void entry(String id, RawEvent event) {
        entries++;
        lastId = id;
        if (event != null) {
            events.add(event);
        }
    }
}
