package io.trackingsystem.tracking.storage;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Measures Redis memory per stored event with MEMORY USAGE, for a realistic mix of one day's traffic. */
class StorageFootprintTest {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFootprintTest.class);
    private static final int EVENTS = 20_000;

    @Test
    void rawEventsTakeAtMost200BytesEach() throws Exception {
        RedisFixture.flush();
        long now = System.currentTimeMillis();
        String account = "acc-footprint";
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            StoreHarness harness = new StoreHarness(redis, now, Env.of(Map.of()));
            Random random = new Random(7);
            long dayStart = now - now % UtcDays.DAY;
            TestEvents[] batch = new TestEvents[500];
            for (int i = 0; i < EVENTS; i++) {
                String visitor = UUID.nameUUIDFromBytes(("v" + random.nextInt(3000)).getBytes()).toString();
                long ts = dayStart + (long) (random.nextDouble() * (now - dayStart));
                batch[i % 500] = random.nextInt(4) == 0
                        ? TestEvents.track(visitor, "signup", ts)
                                .set("url", "https://shop.example.com/p/" + random.nextInt(200))
                                .props(Map.of("plan", random.nextBoolean() ? "pro" : "free"))
                        : TestEvents.pageview(visitor, "https://shop.example.com/p/" + random.nextInt(200), ts)
                                .set("referrer", random.nextInt(3) == 0 ? "https://www.google.com/" : "")
                                .set("screen", "1920x1080").set("language", "en-US");
                if (i % 500 == 499) {
                    harness.store(account, batch);
                }
            }
            RedisCommands<String, String> sync = redis.dedicated().sync();
            long raw = 0;
            long rollups = 0;
            long dedupeAndSessions = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = sync.scan(cursor, ScanArgs.Builder.limit(1000));
                for (String key : page.getKeys()) {
                    long bytes = sync.memoryUsage(key);
                    if (key.contains(":raw:")) {
                        raw += bytes;
                    } else if (key.contains(":dd:") || key.contains(":s:")) {
                        dedupeAndSessions += bytes;
                    } else {
                        rollups += bytes;
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            LOG.info("Per event: raw {} bytes, roll-ups {} bytes, dedupe and session state {} bytes",
                    raw / EVENTS, rollups / EVENTS, dedupeAndSessions / EVENTS);
            assertThat(raw / EVENTS).isLessThanOrEqualTo(200);
        }
    }
}
