package io.trackingsystem.gateway.ingest;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.IngestCounts;
import io.trackingsystem.routes.contract.IngestStream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends events to the ingest stream on the shared connection: all XADDs of a request are sent back to back
 * (pipelined) with the count of the site's accepted events of the hour ({@link IngestCounts}), and the result
 * completes once Redis has acknowledged every one of them.
 */
final class StreamAppender {

    private final RedisClusterAsyncCommands<String, String> redis;
    private final int partitions;
    private final XAddArgs bounded;

    /** @param maxLength the bound of each partition's stream */
    StreamAppender(RedisClusterAsyncCommands<String, String> redis, int partitions, long maxLength) {
        this.redis = redis;
        this.partitions = partitions;
        this.bounded = XAddArgs.Builder.maxlen(maxLength).approximateTrimming();
    }

    CompletableFuture<Integer> append(String account, List<String> events, long now) {
        CompletableFuture<?>[] writes = new CompletableFuture<?>[events.size() + 2];
        String stream = IngestStream.forSite(account, partitions);
        for (int i = 0; i < events.size(); i++) {
            writes[i] = redis.xadd(stream, bounded, IngestStream.SITE, account,
                    IngestStream.EVENT, events.get(i)).toCompletableFuture();
        }
        String counts = IngestCounts.key(account, now);
        writes[events.size()] = redis.hincrby(counts, IngestCounts.ACCEPTED, events.size()).toCompletableFuture();
        writes[events.size() + 1] = redis.pexpireat(counts, IngestCounts.expiresAt(now)).toCompletableFuture();
        return CompletableFuture.allOf(writes).thenApply(done -> events.size());
    }
}
