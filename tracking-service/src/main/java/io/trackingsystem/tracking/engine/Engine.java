package io.trackingsystem.tracking.engine;

import io.trackingsystem.routes.redis.Redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analytics engine of one replica: reads sites' stored events into day views on demand, keeps them within a
 * memory bound, and answers queries over them with tight loops spread over {@code threads} threads. Thread-safe.
 */
public final class Engine implements AutoCloseable {

    private final Redis redis;
    private final long idle;
    private final ViewCache views;
    private final Summaries summaries;
    private final ExecutorService pool;
    private final int threads;
    private final Clock clock;
    private final Map<String, SiteData> sites = new ConcurrentHashMap<>();

    public Engine(Redis redis, Duration sessionIdle, long cacheBytes, int threads, Clock clock) {
        this.redis = redis;
        this.idle = sessionIdle.toMillis();
        // a site whose last view went out is let go with its dictionaries, unless a newer copy took its place
        this.views = new ViewCache(cacheBytes * 4 / 5, owner -> sites.remove(owner.site(), owner));
        this.summaries = new Summaries(cacheBytes / 5);
        this.clock = clock;
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "query-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A query over the site's events in [from, to) that pass every filter. */
    public SiteQuery query(String site, long from, long to, List<Filter> filters) {
        return new SiteQuery(site(site), from, to, filters, pool, summaries, threads, clock.millis());
    }

    public long now() {
        return clock.millis();
    }

    /** Estimated heap the cached days and their sites' dictionaries take. */
    public long cachedBytes() {
        return views.bytes();
    }

    private SiteData site(String site) {
        if (sites.size() > 10_000) {
            sites.values().removeIf(data -> !views.holds(data));
        }
        return sites.computeIfAbsent(site, name -> new SiteData(name, redis, views, idle));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
