package io.trackingsystem.tracking.engine;

import java.util.Arrays;

/** Sorts positions by (time, id) without boxing: one pass of packed longs, then ties in time by id. */
final class TimeOrder {

    private TimeOrder() {
    }

    /** The positions 0..n-1 of {@code times} ordered by time, then by id; times are below 2^31. */
    static int[] of(int[] times, long[] ids) {
        int n = times.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) times[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) packed[i];
        }
        breakTies(order, 0, n, times, ids);
        return order;
    }

    /** Within {@code order[from, to)}, already sorted by time, orders runs of equal time by id. */
    static void breakTies(int[] order, int from, int to, int[] times, long[] ids) {
        int start = from;
        while (start < to) {
            int end = start + 1;
            while (end < to && times[order[end]] == times[order[start]]) {
                end++;
            }
            if (end - start > 1) {
                insertionSortById(order, start, end, ids);
            }
            start = end;
        }
    }

    private static void insertionSortById(int[] order, int from, int to, long[] ids) {
        for (int i = from + 1; i < to; i++) {
            int moving = order[i];
            int j = i - 1;
            while (j >= from && ids[order[j]] > ids[moving]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
    }
}
