package io.trackingsystem.tracking.storage;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.trackingsystem.routes.redis.Redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes every stored event of a deleted site, a bounded number of keys per step, so that a large site never
 * blocks Redis and a step never takes long: first its segments day by day (each day is taken off the manifest as
 * its segments go, so progress survives a crash), then the segments replaced by compaction, then the site's own
 * keys. The caller repeats the step until it answers that nothing is left.
 */
public final class SitePurge {

    /** Keys deleted per step at most. */
    static final int KEYS_PER_STEP = 1000;

    private final Redis redis;

    public SitePurge(Redis redis) {
        this.redis = redis;
    }

    /** One step for {@code site}; true once nothing of it is left. */
    public boolean step(String site) throws Exception {
        SiteKeys keys = SiteKeys.of(site);
        int budget = KEYS_PER_STEP;
        redis.async().zrem(SiteKeys.COMPACTION_QUEUE, site).get();
        Map<String, String> manifest = redis.async().hgetall(keys.manifest()).get();
        for (Map.Entry<String, String> day : manifest.entrySet()) {
            if (day.getKey().equals(SiteKeys.FLOOR)) {
                continue;
            }
            if (budget <= 0) {
                return false;
            }
            List<String> segments = new ArrayList<>();
            for (Segments.Segment segment : Segments.parse(day.getValue()).list()) {
                segments.add(keys.segment(Integer.parseInt(day.getKey()), segment.id()));
            }
            if (!segments.isEmpty()) {
                redis.async().unlink(segments.toArray(String[]::new)).get();
            }
            redis.async().hdel(keys.manifest(), day.getKey()).get();
            budget -= segments.size() + 1;
        }
        List<String> replaced = redis.async().zrange(keys.garbage(), 0, budget - 1L).get();
        if (!replaced.isEmpty()) {
            redis.async().unlink(replaced.toArray(String[]::new)).get();
            redis.async().zrem(keys.garbage(), replaced.toArray(String[]::new)).get();
            return false;
        }
        List<String> own = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.async().scan(cursor,
                    ScanArgs.Builder.matches("{s:" + site + "}:*").limit(1000)).get();
            own.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished() && own.size() < budget);
        if (own.isEmpty()) {
            return true;
        }
        redis.async().unlink(own.toArray(String[]::new)).get();
        return false;
    }
}
