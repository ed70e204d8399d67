package io.trackingsystem.tracking.engine;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One site-wide dictionary: every distinct text value of a column gets a small dense code the first time a day of
 * the site is read, and keeps it while the site stays in memory, so codes compare across days. Lookups are
 * lock-free; adding a value takes a lock.
 */
final class Codes {

    /** What {@link #find} answers for a value no day has. */
    static final int ABSENT = -1;

    /**
     * Heap one value takes besides its characters, roughly: the string and its array, the map's node and boxed
     * code, and its place in {@code values}.
     */
    static final long ENTRY_BYTES = 104;

    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    private volatile String[] values = new String[64];
    private int size;
    private volatile long bytes;

    int code(String value) {
        Integer code = codes.get(value);
        return code != null ? code : add(value);
    }

    int find(String value) {
        Integer code = codes.get(value);
        return code == null ? ABSENT : code;
    }

    String value(int code) {
        return values[code];
    }

    /** Codes handed out so far; every code is below it. */
    int size() {
        return codes.size();
    }

    /** Roughly what this dictionary holds on the heap. */
    long bytes() {
        return bytes;
    }

    private synchronized int add(String value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        String[] current = values;
        current[size] = value;
        values = current;
        codes.put(value, size);
        bytes += ENTRY_BYTES + value.length();
        return size++;
    }
}
