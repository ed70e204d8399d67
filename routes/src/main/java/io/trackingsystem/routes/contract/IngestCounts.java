package io.trackingsystem.routes.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What became of a site's events, hour by hour: one hash per site and UTC hour, {@code {s:<site>}:c:<yyyyMMddHH>},
 * in the site's hash tag. The gateway counts {@link #ACCEPTED} (answered 2xx); the tracking-service counts
 * {@link #STORED} and {@code dropped:<reason>}. Kept {@link #KEPT_HOURS} hours; the Analytics API sums the last 24.
 */
public final class IngestCounts {

    public static final String ACCEPTED = "accepted";
    public static final String STORED = "stored";
    /** Followed by the reason: {@code dropped:duplicate}, {@code dropped:bot}, ... */
    public static final String DROPPED_PREFIX = "dropped:";
    public static final int KEPT_HOURS = 48;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private IngestCounts() {
    }

    /** The hash of the hour containing {@code epochMillis}. */
    public static String key(String site, long epochMillis) {
        return "{s:" + site + "}:c:" + HOUR.format(Instant.ofEpochMilli(epochMillis));
    }

    /** When a count written at {@code epochMillis} may go. */
    public static long expiresAt(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, 3_600_000L) + (KEPT_HOURS + 1) * 3_600_000L;
    }
}
