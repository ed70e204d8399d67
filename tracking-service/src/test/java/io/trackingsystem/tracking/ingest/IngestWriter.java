package io.trackingsystem.tracking.ingest;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Appends entries to the ingest stream exactly as the gateway does: field a = account, field e = event JSON. */
final class IngestWriter {

    private final Redis redis;

    IngestWriter(Redis redis) {
        this.redis = redis;
    }

    void append(String account, String json) {
        appendAll(account, List.of(json));
    }

    /** Pipelined, in chunks, waiting for each chunk. */
    void appendAll(String account, List<String> jsons) {
        RedisClusterAsyncCommands<String, String> async = redis.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (String json : jsons) {
            pending.add(async.xadd(IngestStream.KEY, Map.of(IngestStream.SITE, account, IngestStream.EVENT, json)));
            if (pending.size() == 5000) {
                await(pending);
            }
        }
        await(pending);
    }

    void appendRaw(Map<String, String> fields) {
        await(new ArrayList<>(List.of(redis.async().xadd(IngestStream.KEY, fields))));
    }

    private static void await(List<RedisFuture<String>> pending) {
        if (!LettuceFutures.awaitAll(Duration.ofSeconds(30), pending.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("appending to the ingest stream timed out");
        }
        pending.clear();
    }
}
