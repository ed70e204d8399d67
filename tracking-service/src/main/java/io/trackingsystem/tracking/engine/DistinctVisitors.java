package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Exact distinct visitors per group (a time span, a breakdown value) from (group, visitor) pairs that the days of
 * a query collected: {@code group << 32 | visitor}, visitors being the site's visitor codes. A group with many
 * pairs gets a bitset over all visitors, the rest share a hash set; the work is split by visitor between the
 * threads, so no two threads touch the same bit or set.
 */
final class DistinctVisitors {

    private DistinctVisitors() {
    }

    static long pair(int group, int visitor) {
        return ((long) group << 32) | (visitor & 0xFFFFFFFFL);
    }

    /** Distinct visitors of each group {@code 0 .. groups-1}. */
    static long[] count(List<LongList> parts, int groups, int visitors, ExecutorService pool, int threads) {
        long[] pairsPerGroup = new long[groups];
        for (LongList part : parts) {
            for (int i = 0; i < part.size(); i++) {
                pairsPerGroup[(int) (part.get(i) >>> 32)]++;
            }
        }
        int words = (visitors + 63) / 64;
        long[][] bits = new long[groups][];
        long dense = Math.max(64, visitors / 16);
        long budget = 64L << 20;
        for (int g = 0; g < groups; g++) {
            if (pairsPerGroup[g] >= dense && budget >= words * 8L) {
                bits[g] = new long[words];
                budget -= words * 8L;
            }
        }
        int lanes = Math.max(1, Math.min(threads, words));
        List<CompletableFuture<long[]>> counted = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int firstWord = (int) ((long) words * lane / lanes);
            int endWord = (int) ((long) words * (lane + 1) / lanes);
            counted.add(CompletableFuture.supplyAsync(() -> countLane(parts, groups, bits, firstWord * 64,
                    endWord * 64), pool));
        }
        long[] distinct = new long[groups];
        for (CompletableFuture<long[]> lane : counted) {
            long[] part = lane.join();
            for (int g = 0; g < groups; g++) {
                distinct[g] += part[g];
            }
        }
        for (int g = 0; g < groups; g++) {
            if (bits[g] != null) {
                for (long word : bits[g]) {
                    distinct[g] += Long.bitCount(word);
                }
            }
        }
        return distinct;
    }

    /** Counts the light groups' distinct pairs of visitors in [from, to) and sets the dense groups' bits there. */
    private static long[] countLane(List<LongList> parts, int groups, long[][] bits, int from, int to) {
        long[] distinct = new long[groups];
        LongSet seen = new LongSet(1024);
        for (LongList part : parts) {
            for (int i = 0; i < part.size(); i++) {
                long pair = part.get(i);
                int visitor = (int) pair;
                if (visitor < from || visitor >= to) {
                    continue;
                }
                int group = (int) (pair >>> 32);
                long[] set = bits[group];
                if (set != null) {
                    set[visitor >>> 6] |= 1L << visitor;
                } else if (seen.add(pair)) {
                    distinct[group]++;
                }
            }
        }
        return distinct;
    }
}
