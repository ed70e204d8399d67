package io.trackingsystem.gateway.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts per key, admitting up to a limit in the minute that a key's first counted hit opens. Anchoring the window
 * to the key rather than to the clock means a burst is always judged as one: a clock minute turning in the middle of
 * it would reset the count. Windows past their minute are swept out once a minute, so a key costs one small entry
 * for at most two minutes.
 */
final class MinuteWindows {

    static final long MINUTE_MS = 60_000;
    private final int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    MinuteWindows(int limit) {
        this.limit = limit;
    }

    /** Counts one; 0 when it was within the limit, else the seconds until the key's window closes. */
    long admit(String key, long now) {
        sweep(now);
        Window window = windows.compute(key, (k, open) -> open == null || open.closed(now) ? new Window(now) : open);
        synchronized (window) {
            if (window.count >= limit) {
                return window.secondsLeft(now);
            }
            window.count++;
            return 0;
        }
    }

    /** As {@link #admit} without counting. */
    long peek(String key, long now) {
        Window window = windows.get(key);
        if (window == null || window.closed(now)) {
            return 0;
        }
        synchronized (window) {
            return window.count >= limit ? window.secondsLeft(now) : 0;
        }
    }

    /** Keys with a window, open or not yet swept. */
    int size() {
        return windows.size();
    }

    private void sweep(long now) {
        if (now - sweptAt < MINUTE_MS) {
            return;
        }
        sweptAt = now;
        windows.values().removeIf(window -> window.closed(now));
    }

    private static final class Window {
        private final long openedAt;
        private int count;

        private Window(long openedAt) {
            this.openedAt = openedAt;
        }

        private boolean closed(long now) {
            return now - openedAt >= MINUTE_MS;
        }

        private long secondsLeft(long now) {
            return Math.max(1, (openedAt + MINUTE_MS - now + 999) / 1000);
        }
    }
}
