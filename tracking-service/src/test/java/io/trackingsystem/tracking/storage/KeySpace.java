package io.trackingsystem.tracking.storage;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything Redis holds for one account, in a form two accounts can be compared by: key names without the
 * account, hashes and sets sorted, sorted sets as member → score, streams as their values in order (entry ids are
 * arrival times), HyperLogLogs as their count, and each key's expiry.
 */
record KeySpace(Map<String, Object> contents, Map<String, Long> expiries) {

    /**
     * @param zeroAsAbsent leave out sorted set members scored 0 and hash fields holding 0: applying a batch at once
     *                     skips an increment that sums to 0 (an exit page that moved on, a bounce taken back within
     *                     the batch), applying it event by event leaves a 0; queries read both as nothing
     */
    static KeySpace of(RedisCommands<String, String> redis, String account, boolean zeroAsAbsent) {
        String prefix = TrackingKeys.of(account).prefix();
        Map<String, Object> contents = new TreeMap<>();
        Map<String, Long> expiries = new TreeMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(1000));
            for (String key : page.getKeys()) {
                String name = key.substring(prefix.length());
                Object content = content(redis, key, name, zeroAsAbsent);
                if (content != null) {
                    contents.put(name, content);
                    long ttl = redis.pttl(key);
                    expiries.put(name, ttl < 0 ? ttl : System.currentTimeMillis() + ttl);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return new KeySpace(contents, expiries);
    }

    /** Same keys with the same contents, and expiries within a minute of each other. */
    void assertSameAs(KeySpace expected) {
        assertThat(contents.keySet()).containsExactlyElementsOf(expected.contents.keySet());
        contents.forEach((key, content) -> assertThat(content).as(key).isEqualTo(expected.contents.get(key)));
        expiries.forEach((key, at) -> {
            long other = expected.expiries.get(key);
            assertThat(at < 0).as("%s has an expiry", key).isEqualTo(other < 0);
            assertThat(Math.abs(at - other)).as("expiry of %s", key).isLessThan(60_000);
        });
    }

    private static Object content(RedisCommands<String, String> redis, String key, String name,
                                  boolean zeroAsAbsent) {
        switch (redis.type(key)) {
            case "hash":
                Map<String, String> fields = new TreeMap<>(redis.hgetall(key));
                if (zeroAsAbsent) {
                    fields.values().removeIf("0"::equals);
                }
                return fields;
            case "set":
                return new TreeSet<>(redis.smembers(key));
            case "zset":
                Map<String, Double> scores = new TreeMap<>();
                for (ScoredValue<String> member : redis.zrangeWithScores(key, 0, -1)) {
                    if (!zeroAsAbsent || member.getScore() != 0) {
                        scores.put(member.getValue(), member.getScore());
                    }
                }
                return scores.isEmpty() ? null : scores;
            case "stream":
                List<Map<String, String>> values = new ArrayList<>();
                for (StreamMessage<String, String> entry : redis.xrange(key, Range.create("-", "+"))) {
                    values.add(entry.getBody());
                }
                return values;
            case "string":
                return name.contains(":uh:") || name.contains(":ud:") || name.contains(":bu:")
                        ? "HyperLogLog of " + redis.pfcount(key) : redis.get(key);
            default:
                throw new AssertionError("unexpected type of " + key);
        }
    }
}
