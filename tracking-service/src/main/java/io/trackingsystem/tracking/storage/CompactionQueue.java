package io.trackingsystem.tracking.storage;

import io.lettuce.core.Range;
import io.lettuce.core.ZAddArgs;
import io.trackingsystem.routes.redis.Redis;

import java.time.Duration;
import java.util.List;

/**
 * The sites that have pending blocks, each with the time its compaction is due. A store marks its site due unless
 * it already is; compaction takes the site off once it has folded everything in, and marks it again if blocks
 * arrived meanwhile, so no site with pending blocks is left off for long.
 */
final class CompactionQueue {

    private final Redis redis;
    private final Duration delay;

    CompactionQueue(Redis redis, Duration delay) {
        this.redis = redis;
        this.delay = delay;
    }

    /** Marks the site due after the delay, unless it is due already. Fire and forget: see {@link Compactor#sweep}. */
    void due(String site) {
        redis.async().zadd(SiteKeys.COMPACTION_QUEUE, ZAddArgs.Builder.nx(),
                System.currentTimeMillis() + delay.toMillis(), site);
    }

    /** Marks the site due now. */
    void dueNow(String site) {
        redis.async().zadd(SiteKeys.COMPACTION_QUEUE, ZAddArgs.Builder.nx(), System.currentTimeMillis(), site);
    }

    List<String> dueSites(int count) throws Exception {
        return redis.async().zrangebyscore(SiteKeys.COMPACTION_QUEUE,
                Range.create(Double.NEGATIVE_INFINITY, (double) System.currentTimeMillis()),
                io.lettuce.core.Limit.create(0, count)).get();
    }

    void done(String site) throws Exception {
        redis.async().zrem(SiteKeys.COMPACTION_QUEUE, site).get();
    }
}
