package io.trackingsystem.gateway.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts per key and minute, admitting up to a limit: a fixed window is coarse at its edges but needs one counter
 * per key, and this only has to stop a flood. Keys of past minutes are dropped as the minute turns.
 */
final class MinuteWindows {

    private static final long MINUTE_MS = 60_000;
    private final int limit;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private volatile long minute;

    MinuteWindows(int limit) {
        this.limit = limit;
    }

    /** Counts one; 0 when it was within the limit, else the seconds until the next minute. */
    long admit(String key, long now) {
        turn(now);
        long[] count = windows.computeIfAbsent(key, k -> new long[1]);
        synchronized (count) {
            if (count[0] >= limit) {
                return secondsLeft(now);
            }
            count[0]++;
            return 0;
        }
    }

    /** As {@link #admit} without counting. */
    long peek(String key, long now) {
        turn(now);
        long[] count = windows.get(key);
        return count != null && count[0] >= limit ? secondsLeft(now) : 0;
    }

    private void turn(long now) {
        long current = now / MINUTE_MS;
        if (current != minute) {
            minute = current;
            windows.clear();
        }
    }

    private static long secondsLeft(long now) {
        return Math.max(1, (MINUTE_MS - now % MINUTE_MS + 999) / 1000);
    }
}
