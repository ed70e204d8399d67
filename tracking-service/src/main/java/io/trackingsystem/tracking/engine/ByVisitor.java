package io.trackingsystem.tracking.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Events of many days regrouped by visitor, each visitor's in order: what funnels follow.
 * Each day contributes (visitor, entry) pairs, an entry being one long that sorts in the order wanted (a funnel's
 * packs the time above the step mask); a counting sort by visitor code brings a visitor's together without hashing.
 */
final class ByVisitor {

    /** At or below this many entries a visitor's are insertion-sorted: they come mostly in order already. */
    private static final int INSERTION_SORT_MAX = 32;

    /**
     * Visitors regrouped at a time: some 20 entries each over 30 days, so that a block's offsets and entries stay in a
     * core's cache while the parts stream past once.
     */
    private static final int BLOCK_VISITORS = 4096;

    /** One day's pairs; a day view's events come in visitor order, so a part's visitors mostly ascend. */
    static final class Part {
        private int[] visitors = new int[256];
        private long[] entries = new long[256];
        private int size;
        private boolean ascending = true;

        void add(int visitor, long entry) {
            if (size == visitors.length) {
                visitors = Arrays.copyOf(visitors, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
            }
            if (size > 0 && visitor < visitors[size - 1]) {
                ascending = false;
            }
            visitors[size] = visitor;
            entries[size++] = entry;
        }

        /** The first place at or after which visitors are at least {@code visitor}: 0 unless they ascend. */
        private int from(int visitor) {
            return ascending ? lowerBound(visitor, 0) : 0;
        }

        /** The first place at or after {@code low} where visitors are at least {@code visitor}: size unless they ascend. */
        private int to(int visitor, int low) {
            return ascending ? lowerBound(visitor, low) : size;
        }

        private int lowerBound(int visitor, int low) {
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (visitors[middle] < visitor) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
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
     * The visitors in [{@code first}, {@code end}), so that threads can each take a range of them, that have at least
     * one entry with a bit of {@code keep} set. When every part's visitors ascend, they are regrouped a block of
     * {@link #BLOCK_VISITORS} at a time, each part read from where the block before stopped; otherwise in one block.
     */
    static void group(List<Part> parts, int first, int end, long keep, Visit visit) {
        if (end <= first) {
            return;
        }
        boolean ascending = parts.stream().allMatch(part -> part.ascending);
        int block = ascending ? BLOCK_VISITORS : end - first;
        Block work = new Block(Math.min(block, end - first));
        int[] at = new int[parts.size()];
        for (int p = 0; p < at.length; p++) {
            at[p] = parts.get(p).from(first);
        }
        for (int blockFirst = first; blockFirst < end; blockFirst += block) {
            work.group(parts, at, blockFirst, Math.min(end, blockFirst + block), keep, visit);
        }
    }

    /** The arrays one block of visitors is regrouped in, used again for the next block. */
    private static final class Block {
        private final int[] start;
        private final int[] next;
        private final long[] kept;
        private long[] grouped = new long[1024];

        Block(int visitors) {
            start = new int[visitors + 1];
            next = new int[visitors];
            kept = new long[(visitors + 63) / 64];
        }

        /** Visitors in [first, end); {@code at[p]} is where part p's visitors reach first, and then end. */
        void group(List<Part> parts, int[] at, int first, int end, long keep, Visit visit) {
            int count = end - first;
            Arrays.fill(start, 0, count + 1, 0);
            Arrays.fill(kept, 0, (count + 63) / 64, 0);
            for (int p = 0; p < at.length; p++) {
                Part part = parts.get(p);
                int[] visitors = part.visitors;
                long[] entries = part.entries;
                for (int i = at[p], to = part.to(end, at[p]); i < to; i++) {
                    int v = visitors[i] - first;
                    if (v >= 0 && v < count) {
                        start[v + 1]++;
                        if ((entries[i] & keep) != 0) {
                            kept[v >>> 6] |= 1L << v;
                        }
                    }
                }
            }
            // offsets of the kept visitors only; the others take no room
            for (int v = 0; v < count; v++) {
                start[v + 1] = start[v] + (isKept(kept, v) ? start[v + 1] : 0);
            }
            System.arraycopy(start, 0, next, 0, count);
            if (grouped.length < start[count]) {
                grouped = new long[Math.max(start[count], grouped.length * 2)];
            }
            for (int p = 0; p < at.length; p++) {
                Part part = parts.get(p);
                int[] visitors = part.visitors;
                long[] entries = part.entries;
                int to = part.to(end, at[p]);
                for (int i = at[p]; i < to; i++) {
                    int v = visitors[i] - first;
                    if (v >= 0 && v < count && isKept(kept, v)) {
                        grouped[next[v]++] = entries[i];
                    }
                }
                if (part.ascending) {
                    at[p] = to;
                }
            }
            for (int v = 0; v < count; v++) {
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
