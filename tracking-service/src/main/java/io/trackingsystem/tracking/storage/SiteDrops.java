package io.trackingsystem.tracking.storage;

import io.lettuce.core.RedisFuture;
import io.trackingsystem.routes.contract.IngestCounts;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.pipeline.DropReason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The drops of one processed batch, by site and reason, written to each site's counts of the hour
 * ({@link IngestCounts}) so that the tenant sees them. Stored events are counted by the store script itself; a
 * batch delivered twice may count its drops twice, never its stored events.
 */
public final class SiteDrops {

    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, Map<DropReason, Long>> bySite = new HashMap<>();

    /** Counts {@code n} events of the site dropped for the reason; events without a site are not counted here. */
    public void add(String site, DropReason reason, long n) {
        if (site != null && n > 0) {
            bySite.computeIfAbsent(site, s -> new EnumMap<>(DropReason.class)).merge(reason, n, Long::sum);
        }
    }

    public int sites() {
        return bySite.size();
    }

    public boolean isEmpty() {
        return bySite.isEmpty();
    }

    /** Adds the counts to the hour containing {@code now}, and waits for Redis. */
    public void write(Redis redis, long now) throws Exception {
        List<RedisFuture<?>> replies = new ArrayList<>();
        bySite.forEach((site, reasons) -> {
            String key = IngestCounts.key(site, now);
            reasons.forEach((reason, n) ->
                    replies.add(redis.async().hincrby(key, IngestCounts.DROPPED_PREFIX + reason.tag(), n)));
            replies.add(redis.async().pexpireat(key, IngestCounts.expiresAt(now)));
        });
        for (RedisFuture<?> reply : replies) {
            reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
