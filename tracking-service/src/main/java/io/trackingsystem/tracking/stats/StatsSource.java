package io.trackingsystem.tracking.stats;

import io.lettuce.core.api.StatefulRedisConnection;
import io.trackingsystem.routes.redis.Redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the queries read from: the roll-ups over the service's shared Redis connection, and raw events over
 * connections of their own, so that long scans never queue in front of the service's other commands.
 *
 * <pre>{@code
 * try (StatsSource source = StatsSource.open(redis)) {
 *     Overview.Answer answer = new Overview(source).answer(StatsRequest.of(account, "from=2024-05-01&to=2024-05-30"));
 * }
 * }</pre>
 */
public final class StatsSource implements AutoCloseable {

    /** The default idle time that ends a visit, as the tracking-service's SESSION_IDLE_MINUTES. */
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);

    /** Raw scans spread over this many connections, so that replies are parsed on as many threads. */
    private static final int SCAN_CONNECTIONS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final List<StatefulRedisConnection<String, String>> scanConnections = new ArrayList<>();
    private final Rollups rollups;
    private final RawScan scan;
    private final long sessionIdle;
    private final Clock clock;

    private StatsSource(Redis redis, Duration sessionIdle, Clock clock) {
        for (int i = 0; i < SCAN_CONNECTIONS; i++) {
            scanConnections.add(redis.dedicated());
        }
        this.rollups = new Rollups(redis.async());
        this.scan = new RawScan(scanConnections.stream().map(StatefulRedisConnection::async).toList());
        this.sessionIdle = sessionIdle.toMillis();
        this.clock = clock;
    }

    public static StatsSource open(Redis redis) {
        return new StatsSource(redis, DEFAULT_SESSION_IDLE, Clock.systemUTC());
    }

    public static StatsSource open(Redis redis, Duration sessionIdle) {
        return new StatsSource(redis, sessionIdle, Clock.systemUTC());
    }

    static StatsSource open(Redis redis, Duration sessionIdle, Clock clock) {
        return new StatsSource(redis, sessionIdle, clock);
    }

    Rollups rollups() {
        return rollups;
    }

    RawScan scan() {
        return scan;
    }

    long now() {
        return clock.millis();
    }

    /**
     * Visits are followed this far beyond a range: a visit that began up to one idle time before it is known to
     * have begun before, and one that goes on after it is seen to its end when it ends within that time.
     */
    long sessionMargin() {
        return sessionIdle;
    }

    /**
     * Feeds {@code sink} the events of [from, to) that match the query's filters. When a filter needs visit pages,
     * a first pass over the range and its margins collects them.
     */
    void matching(StatsQuery query, long from, long to, Consumer<RawEvent> sink) {
        SessionPages pages = pagesFor(query, from, to);
        scan.forEach(query.keys(), from, to, event -> {
            if (query.matches(event, pages)) {
                sink.accept(event);
            }
        });
    }

    /** The visits' pages when the query's filters (or {@code alsoNeeded}) need them, else {@link SessionPages#NONE}. */
    SessionPages pagesFor(StatsQuery query, long from, long to, boolean alsoNeeded) {
        if (!alsoNeeded && !query.needsSessionPages()) {
            return SessionPages.NONE;
        }
        SessionPages pages = new SessionPages();
        scan.forEach(query.keys(), from - sessionIdle, to + sessionIdle, pages::add);
        return pages;
    }

    SessionPages pagesFor(StatsQuery query, long from, long to) {
        return pagesFor(query, from, to, false);
    }

    @Override
    public void close() {
        scanConnections.forEach(StatefulRedisConnection::close);
    }
}
