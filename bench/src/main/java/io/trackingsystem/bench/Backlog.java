package io.trackingsystem.bench;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.contract.IngestStream;

import java.util.List;

/**
 * How far the tracking-service is behind on the ingest stream, from {@code XINFO GROUPS}: entries delivered but not
 * yet acknowledged ({@code pending}) plus entries not yet delivered ({@code lag}, reported by Redis 7 and later).
 *
 * @param lag the group's lag, or -1 when Redis does not report it
 */
record Backlog(long pending, long lag) {

    static final Backlog NONE = new Backlog(0, 0);

    static Backlog of(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        List<Object> groups;
        try {
            groups = redis.xinfoGroups(IngestStream.KEY).get();
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("no such key")) {
                return NONE;
            }
            throw e;
        }
        for (Object group : groups) {
            List<?> info = (List<?>) group;
            if (IngestStream.GROUP.equals(String.valueOf(value(info, "name")))) {
                return new Backlog(number(value(info, "pending")), number(value(info, "lag")));
            }
        }
        return NONE;
    }

    /** Unprocessed entries; a lag Redis does not report counts as none. */
    long unprocessed() {
        return pending + Math.max(0, lag);
    }

    private static Object value(List<?> reply, String name) {
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            if (name.equals(String.valueOf(reply.get(i)))) {
                return reply.get(i + 1);
            }
        }
        return null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
