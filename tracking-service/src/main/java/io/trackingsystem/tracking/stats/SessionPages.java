package io.trackingsystem.tracking.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * The first and last page of each visit, for entry and exit page filters and breakdowns over raw events: the
 * page of the visit's earliest and latest page view.
 */
final class SessionPages {

    static final SessionPages NONE = new SessionPages();

    private final Map<String, Pages> sessions = new HashMap<>();

    void add(RawEvent event) {
        if (!event.isPageview() || event.path().isEmpty()) {
            return;
        }
        Pages pages = sessions.get(event.session());
        if (pages == null) {
            sessions.put(event.session(), new Pages(event.time(), event.path(), event.time(), event.path()));
            return;
        }
        if (event.time() < pages.entryTime) {
            pages.entryTime = event.time();
            pages.entry = event.path();
        }
        if (event.time() >= pages.exitTime) {
            pages.exitTime = event.time();
            pages.exit = event.path();
        }
    }

    String entry(String session) {
        Pages pages = sessions.get(session);
        return pages == null ? "" : pages.entry;
    }

    String exit(String session) {
        Pages pages = sessions.get(session);
        return pages == null ? "" : pages.exit;
    }

    private static final class Pages {
        long entryTime;
        String entry;
        long exitTime;
        String exit;

        Pages(long entryTime, String entry, long exitTime, String exit) {
            this.entryTime = entryTime;
            this.entry = entry;
            this.exitTime = exitTime;
            this.exit = exit;
        }
    }
}
