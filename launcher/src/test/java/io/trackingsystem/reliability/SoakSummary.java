package io.trackingsystem.reliability;

import java.util.List;

/**
 * What a soak run's samples say: whether the heap trends upward once warm, how far processing fell behind, and
 * how much Redis grew for each event stored.
 */
record SoakSummary(long heapFirstMegabytes, long heapLastMegabytes, double heapSlopeMegabytesPerMinute,
                   long heapGrowthLastThirdMegabytes, long maxLagEntries, long redisFirstMegabytes,
                   long redisLastMegabytes, long redisBytesPerEventLastThird, long maxIngestStreamLength,
                   long eventsCounted) {

    private static final long MB = 1024 * 1024;

    static SoakSummary of(List<SoakSample> samples) {
        int third = Math.max(1, samples.size() / 3);
        List<SoakSample> warm = samples.subList(third, samples.size());
        List<SoakSample> middle = samples.subList(third, Math.min(samples.size(), 2 * third));
        List<SoakSample> last = samples.subList(Math.min(samples.size() - 1, 2 * third), samples.size());
        SoakSample lastStart = last.get(0);
        SoakSample end = samples.get(samples.size() - 1);
        long countedInLast = Math.max(1, end.counted() - lastStart.counted());
        return new SoakSummary(
                samples.get(0).heapBytes() / MB,
                end.heapBytes() / MB,
                slope(warm),
                (maxHeap(last) - maxHeap(middle)) / MB,
                warm.stream().mapToLong(SoakSample::lag).max().orElse(0),
                samples.get(0).redisBytes() / MB,
                end.redisBytes() / MB,
                (end.redisBytes() - lastStart.redisBytes()) / countedInLast,
                samples.stream().mapToLong(SoakSample::ingestStreamLength).max().orElse(0),
                end.counted());
    }

    private static long maxHeap(List<SoakSample> samples) {
        return samples.stream().mapToLong(SoakSample::heapBytes).max().orElse(0);
    }

    /** Least-squares slope of heap after GC over time, in MB per minute. */
    private static double slope(List<SoakSample> samples) {
        double n = samples.size();
        double meanX = samples.stream().mapToDouble(s -> s.atMillis() / 60_000.0).average().orElse(0);
        double meanY = samples.stream().mapToDouble(s -> s.heapBytes() / (double) MB).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (SoakSample sample : samples) {
            double x = sample.atMillis() / 60_000.0 - meanX;
            covariance += x * (sample.heapBytes() / (double) MB - meanY);
            variance += x * x;
        }
        return n < 2 || variance == 0 ? 0 : covariance / variance;
    }
}
