package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;

import java.time.Duration;

/**
 * Settings of the tracking-service, read from the environment.
 *
 * @param common               the settings every service shares
 * @param retention            {@code EVENT_RETENTION_DAYS}, default 730: stored events expire this long after their UTC
 *                             day; older events are dropped as too old
 * @param sessionIdle          {@code SESSION_IDLE_MINUTES}, default 30: a visitor's session ends after this much inactivity
 * @param dedupeWindow         {@code DEDUPE_HOURS}, default 24: a repeated event id is recognised for at least this long
 * @param batchSize            {@code WORKER_BATCH_SIZE}, default 2000: entries read from the ingest stream at once (1..5000);
 *                             larger reads let more events share each block write
 * @param linger               {@code WORKER_LINGER_MS}, default 25: after a read that did not fill a batch, a worker waits
 *                             this long before reading again, so that under load more events share each write; 0 reads
 *                             again at once
 * @param workers              {@code WORKER_THREADS}, default 2: reader threads per replica and ingest partition
 * @param maxDeliveryAttempts  {@code MAX_DELIVERY_ATTEMPTS}, default 5: deliveries before an entry is dead-lettered
 * @param claimIdle            {@code CLAIM_IDLE_MS}, default 30000: a pending entry idle this long is taken over
 * @param compactionDelay      {@code COMPACTION_DELAY_MS}, default 10000: how long stored blocks stay pending before
 *                             they are folded into a day's segments (1000..600000)
 * @param cacheBytes           {@code STATS_CACHE_MB}: memory for days held ready to query; default 40% of the heap
 * @param queryThreads         {@code QUERY_THREADS}, default the number of processors: threads one query spreads its
 *                             days over
 * @param userAgentCache       {@code USER_AGENT_CACHE_SIZE}, default 10000: parsed user agents kept in memory
 * @param deadLetterMaxLength  {@code DEAD_LETTER_MAX_LENGTH}, default 100000: bound on the dead-letter stream
 * @param siteBytesPerDay      {@code SITE_MB_PER_DAY}, default 256: compressed event bytes one site may store per UTC day
 *                             of arrival; past it the site's events are dropped and counted as {@code quota}
 */
public record TrackingConfig(CommonConfig common, Duration retention, Duration sessionIdle, Duration dedupeWindow,
                             int batchSize, Duration linger, int workers, int maxDeliveryAttempts, Duration claimIdle,
                             Duration compactionDelay, long cacheBytes, int queryThreads, int userAgentCache,
                             long deadLetterMaxLength, long siteBytesPerDay) {

    public TrackingConfig {
        requirePositive("WORKER_BATCH_SIZE", batchSize);
        if (batchSize > 5000) {
            throw new IllegalArgumentException("WORKER_BATCH_SIZE must be at most 5000, got " + batchSize);
        }
        if (linger.isNegative() || linger.toMillis() > 1000) {
            throw new IllegalArgumentException("WORKER_LINGER_MS must be between 0 and 1000, got " + linger.toMillis());
        }
        requirePositive("WORKER_THREADS", workers);
        requirePositive("MAX_DELIVERY_ATTEMPTS", maxDeliveryAttempts);
        requirePositive("EVENT_RETENTION_DAYS", retention.toDays());
        if (compactionDelay.toMillis() < 1000 || compactionDelay.toMillis() > 600_000) {
            throw new IllegalArgumentException("COMPACTION_DELAY_MS must be between 1000 and 600000, got "
                    + compactionDelay.toMillis());
        }
        requirePositive("STATS_CACHE_MB", cacheBytes);
        requirePositive("QUERY_THREADS", queryThreads);
        requirePositive("SESSION_IDLE_MINUTES", sessionIdle.toMinutes());
        requirePositive("DEDUPE_HOURS", dedupeWindow.toHours());
        requirePositive("CLAIM_IDLE_MS", claimIdle.toMillis());
        requirePositive("SITE_MB_PER_DAY", siteBytesPerDay);
    }

    public static TrackingConfig from(Env env) {
        return new TrackingConfig(
                CommonConfig.from(env),
                Duration.ofDays(env.integer("EVENT_RETENTION_DAYS", 730)),
                Duration.ofMinutes(env.integer("SESSION_IDLE_MINUTES", 30)),
                Duration.ofHours(env.integer("DEDUPE_HOURS", 24)),
                env.integer("WORKER_BATCH_SIZE", 2000),
                env.millis("WORKER_LINGER_MS", 25),
                env.integer("WORKER_THREADS", 2),
                env.integer("MAX_DELIVERY_ATTEMPTS", 5),
                env.millis("CLAIM_IDLE_MS", 30_000),
                env.millis("COMPACTION_DELAY_MS", 10_000),
                env.number("STATS_CACHE_MB", Runtime.getRuntime().maxMemory() * 2 / 5 >> 20) << 20,
                env.integer("QUERY_THREADS", Runtime.getRuntime().availableProcessors()),
                env.integer("USER_AGENT_CACHE_SIZE", 10_000),
                env.number("DEAD_LETTER_MAX_LENGTH", 100_000),
                env.number("SITE_MB_PER_DAY", 256) << 20);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
