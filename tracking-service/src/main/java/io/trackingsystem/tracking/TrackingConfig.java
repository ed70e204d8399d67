package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;

import java.time.Duration;

/**
 * Settings of the tracking-service, read from the environment.
 *
 * @param common               the settings every service shares
 * @param rawRetention         {@code RAW_EVENT_RETENTION_DAYS}, default 90: raw events expire this long after their UTC day
 * @param rollupRetention      {@code ROLLUP_RETENTION_DAYS}, default 730: dashboard roll-ups expire this long after their day
 * @param sessionIdle          {@code SESSION_IDLE_MINUTES}, default 30: a visitor's session ends after this much inactivity
 * @param dedupeWindow         {@code DEDUPE_HOURS}, default 24: a repeated event id is recognised for at least this long
 * @param batchSize            {@code WORKER_BATCH_SIZE}, default 2000: entries read from the ingest stream at once (1..5000);
 *                             larger reads let more events share each roll-up write
 * @param linger               {@code WORKER_LINGER_MS}, default 25: after a read that did not fill a batch, a worker waits
 *                             this long before reading again, so that under load more events share each write; 0 reads
 *                             again at once
 * @param workers              {@code WORKER_THREADS}, default 2: reader threads per replica
 * @param maxDeliveryAttempts  {@code MAX_DELIVERY_ATTEMPTS}, default 5: deliveries before an entry is dead-lettered
 * @param claimIdle            {@code CLAIM_IDLE_MS}, default 30000: a pending entry idle this long is taken over
 * @param valuesPerDay         {@code BREAKDOWN_VALUES_PER_DAY}, default 1000: distinct values kept per dimension and day;
 *                             later new values are counted as {@code (other)}
 * @param propertyKeysPerDay   {@code PROPERTY_KEYS_PER_DAY}, default 100: custom property keys broken down per day
 * @param exactVisitors        {@code EXACT_VISITORS_LIMIT}, default 1000: visitor sets per bucket stay exact up to this size
 * @param userAgentCache       {@code USER_AGENT_CACHE_SIZE}, default 10000: parsed user agents kept in memory
 * @param deadLetterMaxLength  {@code DEAD_LETTER_MAX_LENGTH}, default 100000: bound on the dead-letter stream
 */
public record TrackingConfig(CommonConfig common, Duration rawRetention, Duration rollupRetention, Duration sessionIdle,
                             Duration dedupeWindow, int batchSize, Duration linger, int workers, int maxDeliveryAttempts,
                             Duration claimIdle, int valuesPerDay, int propertyKeysPerDay, int exactVisitors,
                             int userAgentCache, long deadLetterMaxLength) {

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
        requirePositive("RAW_EVENT_RETENTION_DAYS", rawRetention.toDays());
        requirePositive("ROLLUP_RETENTION_DAYS", rollupRetention.toDays());
        requirePositive("SESSION_IDLE_MINUTES", sessionIdle.toMinutes());
        requirePositive("DEDUPE_HOURS", dedupeWindow.toHours());
        requirePositive("CLAIM_IDLE_MS", claimIdle.toMillis());
    }

    public static TrackingConfig from(Env env) {
        return new TrackingConfig(
                CommonConfig.from(env),
                Duration.ofDays(env.integer("RAW_EVENT_RETENTION_DAYS", 90)),
                Duration.ofDays(env.integer("ROLLUP_RETENTION_DAYS", 730)),
                Duration.ofMinutes(env.integer("SESSION_IDLE_MINUTES", 30)),
                Duration.ofHours(env.integer("DEDUPE_HOURS", 24)),
                env.integer("WORKER_BATCH_SIZE", 2000),
                env.millis("WORKER_LINGER_MS", 25),
                env.integer("WORKER_THREADS", 2),
                env.integer("MAX_DELIVERY_ATTEMPTS", 5),
                env.millis("CLAIM_IDLE_MS", 30_000),
                env.integer("BREAKDOWN_VALUES_PER_DAY", 1000),
                env.integer("PROPERTY_KEYS_PER_DAY", 100),
                env.integer("EXACT_VISITORS_LIMIT", 1000),
                env.integer("USER_AGENT_CACHE_SIZE", 10_000),
                env.number("DEAD_LETTER_MAX_LENGTH", 100_000));
    }

    /**
     * How long a session's state outlives its last event: the idle time, plus room for events that arrive late or
     * sit in the stream while the service is down.
     */
    public Duration sessionStateTtl() {
        return sessionIdle.plusHours(6);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
