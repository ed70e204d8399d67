package io.trackingsystem.tracking.storage;

import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The former write path, kept as the definition of what the stored data must look like: one Lua script per batch
 * that applies every event one by one ({@code reference-store-events.lua}, in test resources). {@link EventStore}
 * must leave Redis in the same state.
 */
final class ReferenceStore {

    private final Redis redis;
    private final TrackingConfig config;
    private final String script;

    ReferenceStore(Redis redis, TrackingConfig config) throws IOException {
        this.redis = redis;
        this.config = config;
        try (InputStream in = ReferenceStore.class.getResourceAsStream("reference-store-events.lua")) {
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Session id per event, "" for duplicates. */
    List<String> store(String account, List<Event> events, long now) throws Exception {
        TrackingKeys keys = TrackingKeys.of(account);
        long generation = now / config.dedupeWindow().toMillis();
        String[] scriptKeys = {keys.dedupe(generation), keys.dedupe(generation - 1)};
        List<String> args = new ArrayList<>(List.of(keys.prefix(), Long.toString(now),
                Long.toString(config.sessionIdle().toMillis()), Long.toString(config.sessionStateTtl().toMillis()),
                Long.toString(config.rawRetention().toMillis()), Long.toString(config.rollupRetention().toMillis()),
                Integer.toString(config.valuesPerDay()), Integer.toString(config.exactVisitors()),
                Long.toString(config.dedupeWindow().toMillis() * 2), Integer.toString(config.propertyKeysPerDay()),
                "20"));
        for (Event event : events) {
            append(args, event);
        }
        return redis.async().<List<String>>eval(script, ScriptOutputType.MULTI, scriptKeys,
                args.toArray(String[]::new)).get(10, TimeUnit.SECONDS);
    }

    private static void append(List<String> args, Event event) {
        long ts = event.ts();
        args.add(event.fingerprint());
        args.add(Long.toString(ts));
        args.add(UtcDays.day(ts));
        args.add(UtcDays.hour(ts));
        args.add(event.name());
        args.add(event.visitorHash());
        args.add(BatchAccounting.stateField(event));
        args.add(event.sessionId());
        args.add(event.newSessionId());
        args.add(event.path());
        args.add(join(event.source(), event.utm(0), event.utm(1), event.utm(2), event.utm(3), event.utm(4)));
        args.add(event.browser());
        args.add(event.os());
        args.add(event.device());
        args.add(event.screen());
        args.add(event.language());
        StringBuilder tokens = new StringBuilder();
        if (!event.path().isEmpty()) {
            tokens.append(BatchAccounting.tokenOf("p\n" + event.path()));
        }
        tokens.append(BatchAccounting.tokenOf("n\n" + event.name()));
        StringBuilder pairs = new StringBuilder();
        for (Map.Entry<String, String> prop : event.props().entrySet()) {
            tokens.append(BatchAccounting.tokenOf("k\n" + prop.getKey() + '\n' + prop.getValue()));
            if (!pairs.isEmpty()) {
                pairs.append(RawFields.SEPARATOR);
            }
            pairs.append(prop.getKey()).append(RawFields.SEPARATOR).append(prop.getValue());
        }
        args.add(tokens.toString());
        args.add(pairs.toString());
        args.add(join(Long.toString(Math.floorMod(ts, UtcDays.DAY)), event.name(), event.type(), event.visitorId()));
        args.add(join(event.browser(), event.os(), event.device(), event.screen(), event.language(),
                event.propsJson()));
    }

    private static String join(String... parts) {
        return String.join(RawFields.SEPARATOR, parts);
    }
}
