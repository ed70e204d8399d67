package io.trackingsystem.tracking.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Events of many days regrouped by visitor, each visitor's in time order: what funnels follow.
 * Each day contributes (visitor, time, payload) triples; a counting sort by visitor code brings a visitor's
 * together without hashing.
 */
final class ByVisitor {

    /** A query spans at most about 2^36 ms; a visitor's events below 2^26 are sorted as packed longs. */
    private static final int POSITION_BITS = 26;

    /** One day's triples. */
    static final class Part {
        private int[] visitors = new int[256];
        private long[] times = new long[256];
        private long[] payloads = new long[256];
        private int size;

        void add(int visitor, long time, long payload) {
            if (size == visitors.length) {
                visitors = Arrays.copyOf(visitors, size * 2);
                times = Arrays.copyOf(times, size * 2);
                payloads = Arrays.copyOf(payloads, size * 2);
            }
            visitors[size] = visitor;
            times[size] = time;
            payloads[size++] = payload;
        }

        void forEach(Triple triple) {
            for (int i = 0; i < size; i++) {
                triple.accept(visitors[i], times[i], payloads[i]);
            }
        }
    }

    /** A (visitor, time, payload) triple. */
    @FunctionalInterface
    interface Triple {
        void accept(int visitor, long time, long payload);
    }

    /** Called once per visitor with its events' times and payloads, in time order, in [from, to). */
    @FunctionalInterface
    interface Visit {
        void visitor(long[] times, long[] payloads, int from, int to);
    }

    private ByVisitor() {
    }

    /**
     * Only the visitors in [{@code first}, {@code end}) whose bit is set in {@code keep} (all of them when null), so
     * that threads can each take a range of visitors.
     */
    static void group(List<Part> parts, int first, int end, long[] keep, Visit visit) {
        int count = end - first;
        int[] start = new int[count + 1];
        for (Part part : parts) {
            for (int i = 0; i < part.size; i++) {
                int visitor = part.visitors[i];
                if (visitor >= first && visitor < end && (keep == null || (keep[visitor >>> 6] & (1L << visitor)) != 0)) {
                    start[visitor - first + 1]++;
                }
            }
        }
        for (int v = 0; v < count; v++) {
            start[v + 1] += start[v];
        }
        int total = start[count];
        int[] next = Arrays.copyOf(start, count);
        long[] times = new long[total];
        long[] payloads = new long[total];
        for (Part part : parts) {
            for (int i = 0; i < part.size; i++) {
                int visitor = part.visitors[i];
                if (visitor >= first && visitor < end && (keep == null || (keep[visitor >>> 6] & (1L << visitor)) != 0)) {
                    int at = next[visitor - first]++;
                    times[at] = part.times[i];
                    payloads[at] = part.payloads[i];
                }
            }
        }
        for (int v = 0; v < count; v++) {
            int from = start[v];
            int to = start[v + 1];
            if (from == to) {
                continue;
            }
            sortByTime(times, payloads, from, to);
            visit.visitor(times, payloads, from, to);
        }
    }

    /** Few events: insertion sort (they come mostly in order already); many: a sort of packed (time, position). */
    private static void sortByTime(long[] times, long[] payloads, int from, int to) {
        if (to - from > 32) {
            long base = Long.MAX_VALUE;
            for (int i = from; i < to; i++) {
                base = Math.min(base, times[i]);
            }
            long[] packed = new long[to - from];
            for (int i = from; i < to; i++) {
                packed[i - from] = ((times[i] - base) << POSITION_BITS) | (i - from);
            }
            Arrays.sort(packed);
            long[] sortedPayloads = new long[packed.length];
            long[] sortedTimes = new long[packed.length];
            for (int i = 0; i < packed.length; i++) {
                int at = from + (int) (packed[i] & ((1L << POSITION_BITS) - 1));
                sortedTimes[i] = times[at];
                sortedPayloads[i] = payloads[at];
            }
            System.arraycopy(sortedTimes, 0, times, from, packed.length);
            System.arraycopy(sortedPayloads, 0, payloads, from, packed.length);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long time = times[i];
            long payload = payloads[i];
            int j = i - 1;
            while (j >= from && times[j] > time) {
                times[j + 1] = times[j];
                payloads[j + 1] = payloads[j];
                j--;
            }
            times[j + 1] = time;
            payloads[j + 1] = payload;
        }
    }
}
