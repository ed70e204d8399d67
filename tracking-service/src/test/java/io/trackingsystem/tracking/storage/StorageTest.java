package io.trackingsystem.tracking.storage;

import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** What the storage tests share: a connection to the test Redis, emptied before each test, and a fixed "now". */
abstract class StorageTest {

    static final long MINUTE = 60_000;
    /** Today 12:30 UTC: real keys expire by Redis's clock, so the tests' days must be current ones. */
    static final long DAY_START = Math.floorDiv(System.currentTimeMillis(), UtcDays.DAY) * UtcDays.DAY;
    static final long NOW = DAY_START + 12 * UtcDays.HOUR + 30 * MINUTE;

    static Redis redis;
    static RedisCommands<String, String> sync;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        sync = redis.dedicated().sync();
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        RedisFixture.flush();
    }
}
