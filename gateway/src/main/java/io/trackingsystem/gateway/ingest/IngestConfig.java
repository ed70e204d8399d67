package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.AuthConfig;
import io.trackingsystem.routes.config.Env;

/**
 * The ingest edge's settings, read from the gateway's environment.
 *
 * @param rateLimitPerSecond {@code INGEST_RATE_LIMIT_PER_SECOND}, default 1000: events per second per API key, held
 *                           in memory by each gateway instance (so N replicas admit up to N times as much); 0 turns
 *                           the limit off
 * @param maxStreamLength    {@code INGEST_MAX_STREAM_LENGTH}, default 1000000: the ingest stream is trimmed to about
 *                           this many entries ({@code XADD ... MAXLEN ~})
 * @param maxBacklog         {@code INGEST_MAX_BACKLOG}, default 500000: above this many unprocessed events, ingest
 *                           answers 503 with Retry-After instead of queueing more. It must stay below the stream's
 *                           length, or trimming could drop acknowledged events before they are processed; the gap
 *                           absorbs what arrives between two samples of the backlog
 * @param siteBacklogPercent {@code INGEST_SITE_BACKLOG_PERCENT}, default 50: the share of {@code maxBacklog} one
 *                           site's unprocessed events may take before that site's ingest answers 503, so that no
 *                           site can fill the backlog for every other (1-100)
 * @param trustedProxies     {@code TRUSTED_PROXIES}, the gateway-wide setting of {@link AuthConfig}: how far
 *                           {@code X-Forwarded-For} is believed when recording each event's client address
 */
public record IngestConfig(int rateLimitPerSecond, long maxStreamLength, long maxBacklog, int siteBacklogPercent,
                           int trustedProxies) {

    public IngestConfig {
        if (rateLimitPerSecond < 0 || maxStreamLength <= 0 || maxBacklog <= 0) {
            throw new IllegalArgumentException("INGEST_RATE_LIMIT_PER_SECOND must be >= 0, "
                    + "INGEST_MAX_STREAM_LENGTH and INGEST_MAX_BACKLOG > 0");
        }
        if (maxBacklog >= maxStreamLength) {
            throw new IllegalArgumentException("INGEST_MAX_BACKLOG (" + maxBacklog + ") must be below "
                    + "INGEST_MAX_STREAM_LENGTH (" + maxStreamLength + "): trimming the stream to its length could "
                    + "otherwise drop events not yet processed");
        }
        if (siteBacklogPercent < 1 || siteBacklogPercent > 100) {
            throw new IllegalArgumentException("INGEST_SITE_BACKLOG_PERCENT must be 1-100, got " + siteBacklogPercent);
        }
    }

    /** The most unprocessed events one site may have. */
    public long maxSiteBacklog() {
        return Math.max(1, maxBacklog * siteBacklogPercent / 100);
    }

    public static IngestConfig from(Env env) {
        return new IngestConfig(
                env.integer("INGEST_RATE_LIMIT_PER_SECOND", 1000),
                env.number("INGEST_MAX_STREAM_LENGTH", 1_000_000),
                env.number("INGEST_MAX_BACKLOG", 500_000),
                env.integer("INGEST_SITE_BACKLOG_PERCENT", 50),
                AuthConfig.from(env).trustedProxies());
    }
}
