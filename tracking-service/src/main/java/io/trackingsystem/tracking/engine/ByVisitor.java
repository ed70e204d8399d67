package io.trackingsystem.tracking.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Events of many days regrouped by visitor, each visitor's in order: what funnels follow.
 * Each day contributes (visitor, entry) pairs, an entry being one long that sorts in the order wanted (a funnel's
 * packs the time above the step mask). The pairs go straight into partitions of neighbouring visitor codes, so
 * that each partition is then regrouped on its own with a counting sort by visitor code that stays within the
 * processor's caches, instead of scattering every pair over one array of all visitors.
 */
final class ByVisitor {

    /** At or below this many entries a visitor's are insertion-sorted: they come mostly in order already. */
    private static final int INSERTION_SORT_MAX = 32;
    /** Partitions hold at least 2^MIN_SHIFT visitor codes, and there are at most 2^MAX_PARTITION_BITS of them. */
    private static final int MIN_SHIFT = 8;
    private static final int MAX_PARTITION_BITS = 8;

    /** How visitor codes below {@code visitors} fall into partitions: a code's bits above {@code shift}. */
    record Layout(int shift, int partitions) {

        static Layout of(int visitors) {
            int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, visitors - 1));
            int shift = Math.max(MIN_SHIFT, bits - MAX_PARTITION_BITS);
            return new Layout(shift, Math.max(1, (visitors + (1 << shift) - 1) >>> shift));
        }
    }

    /** One day's pairs, by partition. */
    static final class Part {
        private final int shift;
        private final int capacity;
        private final int[][] visitors;
        private final long[][] entries;
        private final int[] sizes;

        /** A part of about {@code expected} pairs. */
        Part(Layout layout, int expected) {
            this.shift = layout.shift();
            this.capacity = Math.max(16, expected / layout.partitions() * 5 / 4);
            this.visitors = new int[layout.partitions()][];
            this.entries = new long[layout.partitions()][];
            this.sizes = new int[layout.partitions()];
        }

        void add(int visitor, long entry) {
            int p = visitor >>> shift;
            int size = sizes[p];
            if (visitors[p] == null) {
                visitors[p] = new int[capacity];
                entries[p] = new long[capacity];
            } else if (size == visitors[p].length) {
                visitors[p] = Arrays.copyOf(visitors[p], size * 2);
                entries[p] = Arrays.copyOf(entries[p], size * 2);
            }
            visitors[p][size] = visitor;
            entries[p][size] = entry;
            sizes[p] = size + 1;
        }
    }

    /** Called once per kept visitor with its entries, ascending, in [from, to). */
    @FunctionalInterface
    interface Visit {
        void visitor(long[] entries, int from, int to);
    }

    private ByVisitor() {
    }

    /**
     * The visitors of partitions [{@code first}, {@code end}), so that threads can each take a range of them, that
     * have at least one entry with a bit of {@code keep} set.
     */
    static void group(List<Part> parts, Layout layout, int first, int end, long keep, Visit visit) {
        int codes = 1 << layout.shift();
        int[] start = new int[codes + 1];
        int[] next = new int[codes];
        long[] kept = new long[(codes + 63) / 64];
        long[] grouped = new long[0];
        for (int p = first; p < end; p++) {
            Arrays.fill(start, 0);
            Arrays.fill(kept, 0);
            int base = p << layout.shift();
            for (Part part : parts) {
                int[] visitors = part.visitors[p];
                long[] entries = part.entries[p];
                for (int i = 0; i < part.sizes[p]; i++) {
                    int v = visitors[i] - base;
                    start[v + 1]++;
                    if ((entries[i] & keep) != 0) {
                        kept[v >>> 6] |= 1L << v;
                    }
                }
            }
            // offsets of the kept visitors only; the others take no room
            for (int v = 0; v < codes; v++) {
                start[v + 1] = start[v] + (isKept(kept, v) ? start[v + 1] : 0);
            }
            if (grouped.length < start[codes]) {
                grouped = new long[Math.max(start[codes], grouped.length * 2)];
            }
            System.arraycopy(start, 0, next, 0, codes);
            for (Part part : parts) {
                int[] visitors = part.visitors[p];
                long[] entries = part.entries[p];
                for (int i = 0; i < part.sizes[p]; i++) {
                    int v = visitors[i] - base;
                    if (isKept(kept, v)) {
                        grouped[next[v]++] = entries[i];
                    }
                }
            }
            for (int v = 0; v < codes; v++) {
                int from = start[v];
                int to = start[v + 1];
                if (from < to) {
                    sort(grouped, from, to);
                    visit.visitor(grouped, from, to);
                }
            }
        }
    }

    private static boolean isKept(long[] kept, int v) {
        return (kept[v >>> 6] & (1L << v)) != 0;
    }

    private static void sort(long[] entries, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            Arrays.sort(entries, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long entry = entries[i];
            int j = i - 1;
            while (j >= from && entries[j] > entry) {
                entries[j + 1] = entries[j];
                j--;
            }
            entries[j + 1] = entry;
        }
    }
}
