package io.trackingsystem.gateway.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many events this gateway appended for each site, in {@value #BUCKETS} buckets of {@value #BUCKET_MS} ms,
 * so the part of the stream's unprocessed entries that belongs to a site can be estimated: its share of what was
 * appended since the slowest consumer's position. A backlog older than the window is taken to be made up like
 * the window. Gateways behind one load balancer see the same mix, so one gateway's appends stand for all.
 *
 * <p>At most {@value #MAX_SITES} sites are followed (about 1 KB each); past that, sites with nothing in the window
 * are forgotten, and while every followed site is active a new one counts only towards the total.
 */
final class RecentAppends {

    static final long BUCKET_MS = 5_000;
    static final int BUCKETS = 64;
    static final int MAX_SITES = 10_000;

    private final Map<String, Counts> sites = new ConcurrentHashMap<>();
    private final Counts all = new Counts();

    void add(String site, int events, long now) {
        Counts counts = sites.get(site);
        if (counts == null) {
            if (sites.size() >= MAX_SITES) {
                sites.values().removeIf(idle -> idle.since(0, now) == 0);
            }
            counts = sites.size() < MAX_SITES ? sites.computeIfAbsent(site, key -> new Counts()) : null;
        }
        if (counts != null) {
            counts.add(events, now);
        }
        all.add(events, now);
    }

    /** The site's part, 0 to 1, of the events this gateway appended from {@code since} (epoch ms) on. */
    double share(String site, long since, long now) {
        Counts counts = sites.get(site);
        long total = all.since(since, now);
        return counts == null || total == 0 ? 0 : (double) counts.since(since, now) / total;
    }

    private static final class Counts {
        private final long[] events = new long[BUCKETS];
        private final long[] slots = new long[BUCKETS];

        synchronized void add(int count, long now) {
            long slot = now / BUCKET_MS;
            int index = (int) (slot % BUCKETS);
            if (slots[index] != slot) {
                slots[index] = slot;
                events[index] = 0;
            }
            events[index] += count;
        }

        synchronized long since(long since, long now) {
            long last = now / BUCKET_MS;
            long first = Math.max(since / BUCKET_MS, last - BUCKETS + 1);
            long sum = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (slots[i] >= first && slots[i] <= last) {
                    sum += events[i];
                }
            }
            return sum;
        }
    }
}
