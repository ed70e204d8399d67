package io.trackingsystem.tracking.stats;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.storage.RawFields;
import io.trackingsystem.tracking.storage.TrackingKeys;
import io.trackingsystem.tracking.storage.UtcDays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RawScanTest {

    private static final TrackingKeys KEYS = TrackingKeys.of("scan-account");
    private static Redis redis;
    private static StatsSource source;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        source = StatsSource.open(redis);
    }

    @AfterAll
    static void close() {
        source.close();
        redis.close();
    }

    @BeforeEach
    void flush() {
        RedisFixture.flush();
    }

    @Test
    void readsEveryFieldOfAStoredEvent() throws Exception {
        long dayStart = Days.startOfDayContaining(System.currentTimeMillis());
        append(dayStart, 3_600_000, "v1", "/pricing", "{\"plan\":\"pro\"}");

        List<RawEvent> events = new ArrayList<>();
        source.scan().forEach(KEYS, dayStart, dayStart + UtcDays.DAY, events::add);

        assertThat(events).hasSize(1);
        RawEvent event = events.get(0);
        assertThat(event.time()).isEqualTo(dayStart + 3_600_000);
        assertThat(event.visitor()).isEqualTo("v1");
        assertThat(event.path()).isEqualTo("/pricing");
        assertThat(event.browser()).isEqualTo("Firefox");
        assertThat(event.utm()[2]).isEqualTo("spring");
        assertThat(event.props()).isEqualTo("{\"plan\":\"pro\"}");
        assertThat(event.day()).isEqualTo(UtcDays.day(dayStart));
    }

    @Test
    void aRangeReachingBackBeforeNineteenSeventyReadsFromTheFirstDay() throws Exception {
        String key = KEYS.raw(UtcDays.day(0));
        redis.async().xadd(key, new XAddArgs().id((3 * UtcDays.HOUR) + "-0"), RawFields.FIELD,
                packed(3 * UtcDays.HOUR - 1000, "early")).get();

        List<String> seen = new ArrayList<>();
        // 1970-01-01 in a zone 10 hours behind UTC starts on 1969-12-31
        source.scan().forEach(KEYS, -10 * UtcDays.HOUR, UtcDays.DAY - 10 * UtcDays.HOUR,
                event -> seen.add(event.visitor()));

        assertThat(seen).containsExactly("early");
    }

    @Test
    void readsEveryEntryOnceAcrossChunksAndIdWindows() throws Exception {
        long dayStart = Days.startOfDayContaining(System.currentTimeMillis()) - 2 * UtcDays.DAY;
        String key = KEYS.raw(UtcDays.day(dayStart));
        List<RedisFuture<String>> sent = new ArrayList<>();
        int count = 4_500;
        for (int i = 0; i < count; i++) {
            long offset = i * (UtcDays.DAY / count);
            // stored a second after it happened, as a live event is
            sent.add(redis.async().xadd(key, new XAddArgs().id((dayStart + offset + 1000) + "-0"),
                    RawFields.FIELD, packed(offset, "v" + i)));
        }
        // a late event: it happened in the morning and was stored at the end of the day
        sent.add(redis.async().xadd(key, new XAddArgs().id((dayStart + UtcDays.DAY - 1) + "-0"),
                RawFields.FIELD, packed(6 * UtcDays.HOUR + 7, "late")));
        for (var future : sent) {
            future.get();
        }

        List<String> all = new ArrayList<>();
        source.scan().forEach(KEYS, dayStart, dayStart + UtcDays.DAY, event -> all.add(event.visitor()));
        List<String> afternoon = new ArrayList<>();
        source.scan().forEach(KEYS, dayStart + 12 * UtcDays.HOUR, dayStart + UtcDays.DAY,
                event -> afternoon.add(event.visitor()));
        List<String> morning = new ArrayList<>();
        source.scan().forEach(KEYS, dayStart + 6 * UtcDays.HOUR, dayStart + 7 * UtcDays.HOUR,
                event -> morning.add(event.visitor()));

        assertThat(all).hasSize(count + 1).doesNotHaveDuplicates();
        assertThat(afternoon).hasSize(count / 2).doesNotHaveDuplicates().doesNotContain("late");
        long inMorning = IntStream.range(0, count).mapToLong(i -> i * (UtcDays.DAY / count))
                .filter(offset -> offset >= 6 * UtcDays.HOUR && offset < 7 * UtcDays.HOUR).count();
        assertThat(morning).hasSize((int) inMorning + 1).contains("late");
    }

    @Test
    void skipsAnUnreadableEntryWithoutLosingTheRestOfItsDay() throws Exception {
        long dayStart = Days.startOfDayContaining(System.currentTimeMillis()) - 3 * UtcDays.DAY;
        String key = KEYS.raw(UtcDays.day(dayStart));
        List<RedisFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < RawScan.CHUNK + 100; i++) {
            String value = i == RawScan.CHUNK - 1 ? "not a packed event" : packed(i, "v" + i);
            sent.add(redis.async().xadd(key, new XAddArgs().id((dayStart + UtcDays.HOUR + i) + "-0"),
                    RawFields.FIELD, value));
        }
        for (var future : sent) {
            future.get();
        }

        List<String> visitors = new ArrayList<>();
        source.scan().forEach(KEYS, dayStart, dayStart + UtcDays.DAY, event -> visitors.add(event.visitor()));

        assertThat(visitors).hasSize(RawScan.CHUNK + 99).doesNotContain("v" + (RawScan.CHUNK - 1))
                .contains("v" + (RawScan.CHUNK + 99));
    }

    private static String packed(long offset, String visitor) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : RawFields.ORDER) {
            fields.put(field, "");
        }
        fields.put(RawFields.TIME, Long.toString(offset));
        fields.put(RawFields.NAME, "pageview");
        fields.put(RawFields.VISITOR, visitor);
        fields.put(RawFields.SESSION, "s-" + visitor);
        return String.join(RawFields.SEPARATOR, fields.values());
    }

    private static void append(long dayStart, long offset, String visitor, String path, String props)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : RawFields.ORDER) {
            fields.put(field, "");
        }
        fields.put(RawFields.TIME, Long.toString(offset));
        fields.put(RawFields.NAME, "pageview");
        fields.put(RawFields.TYPE, "page");
        fields.put(RawFields.VISITOR, visitor);
        fields.put(RawFields.SESSION, "s-" + visitor);
        fields.put(RawFields.PATH, path);
        fields.put(RawFields.UTM_CAMPAIGN, "spring");
        fields.put(RawFields.BROWSER, "Firefox");
        fields.put(RawFields.PROPS, props);
        String packed = String.join(RawFields.SEPARATOR, fields.values());
        redis.async().xadd(KEYS.raw(UtcDays.day(dayStart)), RawFields.FIELD, packed).get();
    }
}
