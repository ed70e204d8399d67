package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Pipeline;
import io.trackingsystem.tracking.pipeline.UserAgents;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs events through the real pipeline and store script, without workers, at a fixed "now". */
final class StoreHarness {

    final Redis redis;
    final TrackingConfig config;
    final EventStore store;
    final Pipeline pipeline;

    StoreHarness(Redis redis, long now, Env env) {
        this.redis = redis;
        this.config = TrackingConfig.from(env);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        this.store = new EventStore(redis, config, clock);
        this.pipeline = Pipeline.standard(config.rawRetention().toMillis(), new UserAgents(100), day -> "salt", clock);
    }

    /** Stores the events of one account; returns the session id per event ("" for duplicates). */
    List<String> store(String account, TestEvents... events) throws Exception {
        List<Event> prepared = new ArrayList<>();
        for (TestEvents event : events) {
            Event e = pipeline.run(new Event("0-1", account, event.json()));
            if (e.dropped()) {
                throw new AssertionError("dropped: " + e.dropReason() + " " + event.json());
            }
            prepared.add(e);
        }
        return store.store(account, prepared);
    }

    Map<String, String> totals(String account, String day) throws Exception {
        return redis.async().hgetall(TrackingKeys.of(account).totals(day)).get(5, TimeUnit.SECONDS);
    }

    long total(String account, String day, char metric) throws Exception {
        long sum = 0;
        for (Map.Entry<String, String> field : totals(account, day).entrySet()) {
            if (field.getKey().charAt(0) == metric && !field.getKey().equals(TrackingKeys.DAY_SET_OVERFLOWED)) {
                sum += Long.parseLong(field.getValue());
            }
        }
        return sum;
    }

    Double score(String account, String day, String dimension, String member) throws Exception {
        return redis.async().zscore(TrackingKeys.of(account).breakdown(day, dimension), member).get(5, TimeUnit.SECONDS);
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
