package io.trackingsystem.routes.redis;

import java.util.List;

/**
 * How far the slowest consumer group of a stream is behind, from {@code XINFO GROUPS} (and {@code XINFO STREAM}):
 * its pending entries plus its lag. Redis 7 reports the lag; Redis 6 does not, so there it is estimated from entry
 * ids, which are timestamps: the share of the stream's time span after the group's last delivered id, assuming
 * events arrived at an even rate. The estimate is exact when the group is caught up or has read nothing.
 */
public final class StreamLag {

    private StreamLag() {
    }

    /**
     * @param groups the {@code XINFO GROUPS} reply
     * @param stream the {@code XINFO STREAM} reply, or null to use only lags Redis reported
     * @return the slowest group's unprocessed entries, or null when a lag is unknown and {@code stream} is null
     */
    public static Long slowest(List<Object> groups, List<Object> stream) {
        long slowest = 0;
        for (Object group : groups) {
            List<?> info = (List<?>) group;
            Object pending = value(info, "pending");
            Object lag = value(info, "lag");
            long behind;
            if (lag instanceof Number reported) {
                behind = reported.longValue();
            } else if (stream != null) {
                behind = estimate(stream, String.valueOf(value(info, "last-delivered-id")));
            } else {
                return null;
            }
            slowest = Math.max(slowest, (pending instanceof Number n ? n.longValue() : 0) + behind);
        }
        return slowest;
    }

    /** When the slowest group's last delivered entry was added, epoch ms; 0 when it has read nothing or none exists. */
    public static long slowestPosition(List<Object> groups) {
        long slowest = Long.MAX_VALUE;
        for (Object group : groups) {
            slowest = Math.min(slowest, millis(String.valueOf(value((List<?>) group, "last-delivered-id"))));
        }
        return slowest == Long.MAX_VALUE ? 0 : slowest;
    }

    private static long estimate(List<Object> stream, String delivered) {
        long length = value(stream, "length") instanceof Number n ? n.longValue() : 0;
        String last = String.valueOf(value(stream, "last-generated-id"));
        String first = value(stream, "first-entry") instanceof List<?> entry && !entry.isEmpty()
                ? String.valueOf(entry.get(0)) : null;
        if (length == 0 || first == null || compare(delivered, last) >= 0) {
            return 0;
        }
        if (compare(delivered, first) < 0) {
            return length;
        }
        long span = millis(last) - millis(first);
        return span <= 0 ? length : (long) Math.ceil(length * (double) (millis(last) - millis(delivered)) / span);
    }

    private static Object value(List<?> reply, String name) {
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            if (name.equals(String.valueOf(reply.get(i)))) {
                return reply.get(i + 1);
            }
        }
        return null;
    }

    private static int compare(String id, String other) {
        int byTime = Long.compare(millis(id), millis(other));
        return byTime != 0 ? byTime : Long.compare(sequence(id), sequence(other));
    }

    private static long millis(String id) {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }

    private static long sequence(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
    }
}
