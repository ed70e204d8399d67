package io.trackingsystem.tracking.stats;

import io.lettuce.core.RedisFuture;
import io.trackingsystem.routes.contract.IngestCounts;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.pipeline.DropReason;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What became of a site's events over the last {@link #HOURS} hours of arrival, the current one included: accepted
 * by the gateway, stored, and dropped by reason ({@link IngestCounts}). Events accepted in the last moments may not
 * be stored yet; events received again after a retry are accepted twice and stored once.
 */
final class IngestReport {

    static final int HOURS = 24;
    private static final long HOUR = 3_600_000L;
    private static final long TIMEOUT_SECONDS = 10;

    /** One hour's counts, from its first moment (ISO-8601, UTC). */
    record Hour(String hour, long accepted, long stored, Map<String, Long> dropped) {
    }

    record Answer(String from, String to, long accepted, long stored, Map<String, Long> dropped, List<Hour> hours) {
    }

    private final Redis redis;
    private final Clock clock;

    IngestReport(Redis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    Answer answer(StatsRequest request) {
        long now = clock.millis();
        long first = now - Math.floorMod(now, HOUR) - (HOURS - 1) * HOUR;
        List<RedisFuture<Map<String, String>>> replies = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            replies.add(redis.async().hgetall(IngestCounts.key(request.site(), first + h * HOUR)));
        }
        List<Hour> hours = new ArrayList<>();
        long accepted = 0;
        long stored = 0;
        Map<String, Long> dropped = noDrops();
        for (int h = 0; h < HOURS; h++) {
            Map<String, String> counts = await(replies.get(h));
            Map<String, Long> droppedThen = noDrops();
            droppedThen.replaceAll((reason, zero) -> count(counts, IngestCounts.DROPPED_PREFIX + reason));
            Hour hour = new Hour(Instant.ofEpochMilli(first + h * HOUR).toString(), count(counts, IngestCounts.ACCEPTED),
                    count(counts, IngestCounts.STORED), droppedThen);
            hours.add(hour);
            accepted += hour.accepted();
            stored += hour.stored();
            droppedThen.forEach((reason, n) -> dropped.merge(reason, n, Long::sum));
        }
        return new Answer(Instant.ofEpochMilli(first).toString(), Instant.ofEpochMilli(now).toString(), accepted, stored, dropped, hours);
    }

    private static Map<String, Long> noDrops() {
        Map<String, Long> drops = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            drops.put(reason.tag(), 0L);
        }
        return drops;
    }

    private static long count(Map<String, String> counts, String field) {
        String value = counts.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static Map<String, String> await(RedisFuture<Map<String, String>> reply) {
        try {
            return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Reading the ingest counts failed", e);
        }
    }
}
