package io.trackingsystem.gateway.ingest;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends events to the ingest stream on the shared connection: all XADDs of a request are sent back to back
 * (pipelined), and the result completes once Redis has acknowledged every one of them.
 */
final class StreamAppender {

    private final RedisAsyncCommands<String, String> redis;
    private final XAddArgs bounded;

    StreamAppender(RedisAsyncCommands<String, String> redis, long maxLength) {
        this.redis = redis;
        this.bounded = XAddArgs.Builder.maxlen(maxLength).approximateTrimming();
    }

    CompletableFuture<Integer> append(String account, List<String> events) {
        CompletableFuture<?>[] writes = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < writes.length; i++) {
            writes[i] = redis.xadd(IngestStream.KEY, bounded, IngestStream.SITE, account,
                    IngestStream.EVENT, events.get(i)).toCompletableFuture();
        }
        return CompletableFuture.allOf(writes).thenApply(done -> writes.length);
    }
}
