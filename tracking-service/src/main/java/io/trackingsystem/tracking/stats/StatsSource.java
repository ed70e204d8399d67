package io.trackingsystem.tracking.stats;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.engine.Engine;
import io.trackingsystem.tracking.engine.Filter;
import io.trackingsystem.tracking.engine.SiteQuery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Where the queries read from: the analytics {@link Engine}, over the service's Redis.
 *
 * <pre>{@code
 * try (StatsSource source = StatsSource.open(redis)) {
 *     Overview.Answer answer = new Overview(source).answer(StatsRequest.of(site, "from=2024-05-01&to=2024-05-30"));
 * }
 * }</pre>
 */
public final class StatsSource implements AutoCloseable {

    /** The default idle time that ends a visit, as the tracking-service's SESSION_IDLE_MINUTES. */
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);

    private final Engine engine;

    private StatsSource(Engine engine) {
        this.engine = engine;
    }

    public static StatsSource open(Redis redis) {
        return open(redis, DEFAULT_SESSION_IDLE);
    }

    public static StatsSource open(Redis redis, Duration sessionIdle) {
        return open(redis, sessionIdle, Runtime.getRuntime().maxMemory() * 2 / 5,
                Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    }

    public static StatsSource open(Redis redis, Duration sessionIdle, long cacheBytes, int threads, Clock clock) {
        return new StatsSource(new Engine(redis, sessionIdle, cacheBytes, threads, clock));
    }

    long now() {
        return engine.now();
    }

    /** The site's events in [from, to) passing the query's filters (and {@code more}). */
    SiteQuery over(StatsQuery query, long from, long to, List<Filter> more) {
        List<Filter> filters = more.isEmpty() ? query.filters()
                : java.util.stream.Stream.concat(query.filters().stream(), more.stream()).toList();
        return engine.query(query.site(), from, to, filters);
    }

    SiteQuery over(StatsQuery query, long from, long to) {
        return over(query, from, to, List.of());
    }

    @Override
    public void close() {
        engine.close();
    }
}
