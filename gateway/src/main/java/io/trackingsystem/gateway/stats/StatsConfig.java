package io.trackingsystem.gateway.stats;

import io.trackingsystem.routes.config.Env;

import java.time.Duration;

/**
 * Settings of the analytics API at the gateway.
 *
 * @param queryTimeout        {@code STATS_TIMEOUT_MS}, default 30000: how long a query may take; a day not yet held
 *                            in the engine's cache is read from its segments first, which takes longest
 * @param liveStreamsPerAccount {@code LIVE_MAX_STREAMS_PER_ACCOUNT}, default 20: open /api/live streams per site
 *                            and gateway; more answer 429
 * @param liveHeartbeat       {@code LIVE_HEARTBEAT_MS}, default 15000: comment lines that keep idle streams open;
 *                            each also re-checks the stream's token, ending the stream once it expired or was revoked
 * @param liveBufferBytes     {@code LIVE_BUFFER_BYTES}, default 65536: unsent bytes per stream; while a slow client's
 *                            buffer is full, its events are dropped (the live view is at most once)
 */
public record StatsConfig(Duration queryTimeout, int liveStreamsPerAccount, Duration liveHeartbeat,
                          int liveBufferBytes) {

    public StatsConfig {
        if (liveStreamsPerAccount < 1 || liveBufferBytes < 1024 || liveHeartbeat.toMillis() < 10
                || queryTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("invalid analytics settings: " + liveStreamsPerAccount + " streams, "
                    + liveBufferBytes + " buffer bytes, heartbeat " + liveHeartbeat + ", timeout " + queryTimeout);
        }
    }

    public static StatsConfig from(Env env) {
        return new StatsConfig(env.millis("STATS_TIMEOUT_MS", 30_000),
                env.integer("LIVE_MAX_STREAMS_PER_ACCOUNT", 20),
                env.millis("LIVE_HEARTBEAT_MS", 15_000),
                env.integer("LIVE_BUFFER_BYTES", 65_536));
    }
}
