package io.trackingsystem.tracking.engine;

/** A set of longs in one open-addressing array: no boxing, no per-entry objects. */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots;
    private int size;
    private boolean hasEmpty;

    LongSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** Adds the value; true when it was not there yet. */
    boolean add(long value) {
        if (value == EMPTY) {
            if (hasEmpty) {
                return false;
            }
            hasEmpty = true;
            size++;
            return true;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        return insert(slots, value);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int slot = mix(value) & mask;
        while (true) {
            long current = table[slot];
            if (current == EMPTY) {
                table[slot] = value;
                size++;
                return true;
            }
            if (current == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        int kept = size;
        size = 0;
        for (long value : old) {
            if (value != EMPTY) {
                insert(slots, value);
            }
        }
        size = kept;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
