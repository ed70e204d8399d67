package io.trackingsystem.tracking.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Exact distinct visitors per group (a time span, a breakdown value) from the (group, visitor) pairs that the
 * days of a query collect, visitors being the site's visitor codes. The visitor codes are cut into as many ranges
 * as there are threads, and each day files its pairs by range ({@link Pairs}), so each thread then counts its
 * range alone: no two threads touch the same bit or set. A group with many pairs gets a bitset over the range's
 * visitors, the rest share a hash set.
 */
final class DistinctVisitors {

    private DistinctVisitors() {
    }

    /** One day's pairs, filed by visitor range. */
    static final class Pairs {
        private final LongList[] lanes;
        private final int visitorsPerLane;
        private long last = -1;

        Pairs(int lanes, int visitors, int expected) {
            this.lanes = new LongList[lanes];
            this.visitorsPerLane = laneWidth(lanes, visitors);
            for (int i = 0; i < lanes; i++) {
                this.lanes[i] = new LongList(expected / lanes + 16);
            }
        }

        /** The distinct pairs added, as {@code group << 32 | visitor}. */
        long[] distinct() {
            int total = 0;
            for (LongList lane : lanes) {
                total += lane.size();
            }
            LongSet seen = new LongSet(total);
            LongList kept = new LongList(total);
            for (LongList lane : lanes) {
                for (int i = 0; i < lane.size(); i++) {
                    if (seen.add(lane.get(i))) {
                        kept.add(lane.get(i));
                    }
                }
            }
            return kept.toArray();
        }

        /** Adds the pair, unless it repeats the one added just before. */
        void add(int group, int visitor) {
            long pair = ((long) group << 32) | (visitor & 0xFFFFFFFFL);
            if (pair != last) {
                lanes[visitor / visitorsPerLane].add(pair);
                last = pair;
            }
        }
    }

    /** Visitors per lane: a multiple of 64, so lanes never share a bitset word. */
    private static int laneWidth(int lanes, int visitors) {
        int perLane = (Math.max(1, visitors) + lanes - 1) / lanes;
        return (perLane + 63) / 64 * 64;
    }

    static long pair(int group, int visitor) {
        return ((long) group << 32) | (visitor & 0xFFFFFFFFL);
    }

    static Pairs pairs(SiteQuery query, int expected) {
        return new Pairs(query.threads(), query.visitorCount(), expected);
    }

    /** Distinct visitors of each group {@code 0 .. groups-1}. */
    static long[] count(List<Pairs> parts, int groups, SiteQuery query) {
        int lanes = query.threads();
        int width = laneWidth(lanes, query.visitorCount());
        List<CompletableFuture<long[]>> counted = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int index = lane;
            counted.add(CompletableFuture.supplyAsync(() -> countLane(parts, index, groups, width), query.pool()));
        }
        long[] distinct = new long[groups];
        for (CompletableFuture<long[]> lane : counted) {
            long[] part = lane.join();
            for (int g = 0; g < groups; g++) {
                distinct[g] += part[g];
            }
        }
        return distinct;
    }

    /**
     * One lane: a bitset over its visitors for each group with more pairs than a 256th of them (a bit each beats
     * some 16 bytes per pair in a hash set, and is set in a nanosecond), a hash set for the rest.
     */
    private static long[] countLane(List<Pairs> parts, int lane, int groups, int width) {
        long[] pairsPerGroup = new long[groups];
        for (Pairs part : parts) {
            LongList list = part.lanes[lane];
            for (int i = 0; i < list.size(); i++) {
                pairsPerGroup[(int) (list.get(i) >>> 32)]++;
            }
        }
        int words = width / 64;
        long dense = Math.max(64, width / 256);
        long budget = 64L << 20;
        long[][] bits = new long[groups][];
        long light = 0;
        for (int g = 0; g < groups; g++) {
            if (pairsPerGroup[g] >= dense && budget >= words * 8L) {
                bits[g] = new long[words];
                budget -= words * 8L;
            } else {
                light += pairsPerGroup[g];
            }
        }
        long[] distinct = new long[groups];
        LongSet seen = new LongSet((int) Math.min(1 << 26, Math.max(16, light)));
        int base = lane * width;
        for (Pairs part : parts) {
            LongList list = part.lanes[lane];
            for (int i = 0; i < list.size(); i++) {
                long pair = list.get(i);
                int group = (int) (pair >>> 32);
                long[] set = bits[group];
                if (set != null) {
                    int local = (int) pair - base;
                    set[local >>> 6] |= 1L << local;
                } else if (seen.add(pair)) {
                    distinct[group]++;
                }
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
}
