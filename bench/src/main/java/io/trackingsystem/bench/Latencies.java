package io.trackingsystem.bench;

import java.util.Arrays;

/** Recorded durations and their nearest-rank percentiles. */
final class Latencies {

    private long[] nanos = new long[256];
    private int count;

    void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    int count() {
        return count;
    }

    /** The {@code percent} percentile in milliseconds: the smallest value at least that share of values do not exceed. */
    double percentileMillis(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    Line addTo(Line line) {
        return line.add("p50_ms", percentileMillis(50)).add("p95_ms", percentileMillis(95))
                .add("p99_ms", percentileMillis(99)).add("iterations", count);
    }
}
