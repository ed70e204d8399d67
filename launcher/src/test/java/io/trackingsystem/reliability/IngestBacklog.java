package io.trackingsystem.reliability;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.routes.contract.IngestStream;

import java.util.List;

/** What the tracking-service's consumer group has left to do on the ingest stream. */
final class IngestBacklog {

    private IngestBacklog() {
    }

    /** True once every group has read the whole stream and acknowledged all it read. */
    static boolean isDrained(String redisUrl) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String last = String.valueOf(value(redis.xinfoStream(IngestStream.KEY), "last-generated-id"));
            List<Object> groups = redis.xinfoGroups(IngestStream.KEY);
            return !groups.isEmpty() && groups.stream().map(group -> (List<?>) group).allMatch(group ->
                    ((Number) value(group, "pending")).longValue() == 0
                            && last.equals(String.valueOf(value(group, "last-delivered-id"))));
        } finally {
            client.shutdown();
        }
    }

    /** Entries on the ingest stream, processed or not, until trimming removes them. */
    static long length(String redisUrl) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().xlen(IngestStream.KEY);
        } finally {
            client.shutdown();
        }
    }

    private static Object value(List<?> reply, String name) {
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            if (name.equals(String.valueOf(reply.get(i)))) {
                return reply.get(i + 1);
            }
        }
        return null;
    }
}
