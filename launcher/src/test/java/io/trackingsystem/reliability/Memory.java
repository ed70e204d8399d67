package io.trackingsystem.reliability;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The memory the product holds: the heap of this JVM, which runs the services, after a full collection, and what
 * Redis reports as {@code used_memory}.
 */
record Memory(long heapBytes, long redisBytes) {

    static Memory sample(String redisUrl) {
        return new Memory(heapAfterGc(), redisUsedMemory(redisUrl));
    }

    static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static long redisUsedMemory(String redisUrl) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("memory").lines().filter(line -> line.startsWith("used_memory:"))
                    .map(line -> Long.parseLong(line.substring("used_memory:".length()).trim()))
                    .findFirst().orElseThrow();
        } finally {
            client.shutdown();
        }
    }

    /** The {@code count} keys using the most memory, largest first, for a failure to explain itself. */
    static String largestKeys(String redisUrl, int count) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var redis = connection.sync();
            Map<String, Long> sizes = new HashMap<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
                page.getKeys().forEach(key -> sizes.put(key, redis.memoryUsage(key)));
                cursor = page;
            } while (!cursor.isFinished());
            return sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(count).map(e -> e.getKey() + "=" + e.getValue() / 1024 + "KB")
                    .collect(Collectors.joining(", "));
        } finally {
            client.shutdown();
        }
    }

    @Override
    public String toString() {
        return "heap " + heapBytes / (1024 * 1024) + " MB, Redis " + redisBytes / (1024 * 1024) + " MB";
    }
}
