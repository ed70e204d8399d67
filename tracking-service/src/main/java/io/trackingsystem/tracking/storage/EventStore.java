package io.trackingsystem.tracking.storage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The store step: writes one site's batch of events with a single script call, which dedupes, assigns sessions,
 * appends raw events and updates every roll-up atomically (see {@code store-events.lua}).
 *
 * <p>Script arguments: KEYS = the current and previous dedupe generation. ARGV = prefix, now, session idle ms,
 * session state TTL ms, raw TTL ms, roll-up TTL ms, values per day, exact visitor limit, dedupe TTL ms, property
 * keys per day, fields per event, then {@value #FIELDS} fields per event in the order of {@link #append}. The
 * script's per-event work is kept small on purpose: what Java can prepare (day names, packed raw parts, state
 * fields, visit tokens), it prepares.
 */
public final class EventStore {

    /** Most events one script call takes: keeps Lua's unpack within its stack and each call short. */
    public static final int MAX_EVENTS = 1000;
    static final int FIELDS = 20;

    private final Redis redis;
    private final TrackingConfig config;
    private final Clock clock;
    private final String script;
    private final String sha;

    public EventStore(Redis redis, TrackingConfig config) {
        this(redis, config, Clock.systemUTC());
    }

    EventStore(Redis redis, TrackingConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
        this.script = load();
        this.sha = sha1(script);
    }

    /**
     * Stores the events of one account, at most {@link #MAX_EVENTS}. Completes with one session id per event, or
     * an empty string where the event was a duplicate and changed nothing.
     */
    public CompletionStage<List<String>> store(String account, List<Event> events) {
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS + " events per call, got " + events.size());
        }
        TrackingKeys keys = TrackingKeys.of(account);
        long now = clock.millis();
        long generation = now / config.dedupeWindow().toMillis();
        String[] scriptKeys = {keys.dedupe(generation), keys.dedupe(generation - 1)};
        String[] args = arguments(keys, now, events);
        return redis.async().<List<String>>evalsha(sha, ScriptOutputType.MULTI, scriptKeys, args)
                .handle((sids, failure) -> {
                    if (failure instanceof RedisNoScriptException
                            || (failure != null && failure.getCause() instanceof RedisNoScriptException)) {
                        return redis.async().<List<String>>eval(script, ScriptOutputType.MULTI, scriptKeys, args)
                                .toCompletableFuture();
                    }
                    return failure == null ? CompletableFuture.completedFuture(sids)
                            : CompletableFuture.<List<String>>failedFuture(failure);
                })
                .thenCompose(stage -> stage);
    }

    private String[] arguments(TrackingKeys keys, long now, List<Event> events) {
        List<String> args = new ArrayList<>(11 + FIELDS * events.size());
        args.add(keys.prefix());
        args.add(Long.toString(now));
        args.add(Long.toString(config.sessionIdle().toMillis()));
        args.add(Long.toString(config.sessionStateTtl().toMillis()));
        args.add(Long.toString(config.rawRetention().toMillis()));
        args.add(Long.toString(config.rollupRetention().toMillis()));
        args.add(Integer.toString(config.valuesPerDay()));
        args.add(Integer.toString(config.exactVisitors()));
        args.add(Long.toString(config.dedupeWindow().toMillis() * 2));
        args.add(Integer.toString(config.propertyKeysPerDay()));
        args.add(Integer.toString(FIELDS));
        for (Event event : events) {
            append(args, event);
        }
        return args.toArray(String[]::new);
    }

    private static void append(List<String> args, Event event) {
        long ts = event.ts();
        args.add(event.fingerprint());
        args.add(Long.toString(ts));
        args.add(UtcDays.day(ts));
        args.add(UtcDays.hour(ts));
        args.add(event.name());
        args.add(event.visitorHash());
        args.add(event.sessionId().isEmpty() ? "v:" + event.visitorHash() : "i:" + event.sessionId());
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
            tokens.append(token("p\n" + event.path()));
        }
        tokens.append(token("n\n" + event.name()));
        StringBuilder pairs = new StringBuilder();
        for (Map.Entry<String, String> prop : event.props().entrySet()) {
            tokens.append(token("k\n" + prop.getKey() + '\n' + prop.getValue()));
            if (!pairs.isEmpty()) {
                pairs.append(RawFields.SEPARATOR);
            }
            pairs.append(prop.getKey()).append(RawFields.SEPARATOR).append(prop.getValue());
        }
        args.add(tokens.toString());
        args.add(pairs.toString());
        // the raw record around the parts only the script knows: session id, then path and session attributes
        args.add(join(Long.toString(Math.floorMod(ts, UtcDays.DAY)), event.name(), event.type(), event.visitorId()));
        args.add(join(event.browser(), event.os(), event.device(), event.screen(), event.language(),
                event.propsJson()));
    }

    private static String join(String... parts) {
        return String.join(RawFields.SEPARATOR, parts);
    }

    /** Eight characters; the leading '.' is outside the hash alphabet, so tokens only match where they start. */
    private static String token(String value) {
        return "." + Hashes.base64(value, 7);
    }

    private static String load() {
        try (InputStream in = EventStore.class.getResourceAsStream("store-events.lua")) {
            if (in == null) {
                throw new IllegalStateException("store-events.lua is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
