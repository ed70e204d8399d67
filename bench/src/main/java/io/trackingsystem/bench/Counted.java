package io.trackingsystem.bench;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.trackingsystem.tracking.storage.TrackingKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events an account's statistics count: the sum of the hourly {@code e:HH} fields of its daily totals hashes
 * over a range of UTC days. An event is processed, for this benchmark, once it is counted here.
 */
final class Counted {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final RedisAsyncCommands<String, String> redis;
    private final List<String> keys = new ArrayList<>();

    /** The totals of the UTC days from {@code from} to {@code to}, both included. */
    Counted(RedisAsyncCommands<String, String> redis, String account, long from, long to) {
        this.redis = redis;
        TrackingKeys tenant = TrackingKeys.of(account);
        LocalDate last = day(to);
        for (LocalDate day = day(from); !day.isAfter(last); day = day.plusDays(1)) {
            keys.add(tenant.totals(DAY.format(day)));
        }
    }

    long events() throws Exception {
        List<RedisFuture<Map<String, String>>> replies = new ArrayList<>(keys.size());
        for (String key : keys) {
            replies.add(redis.hgetall(key));
        }
        long events = 0;
        for (RedisFuture<Map<String, String>> reply : replies) {
            for (Map.Entry<String, String> field : reply.get().entrySet()) {
                if (field.getKey().startsWith("e:")) {
                    events += Long.parseLong(field.getValue());
                }
            }
        }
        return events;
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
