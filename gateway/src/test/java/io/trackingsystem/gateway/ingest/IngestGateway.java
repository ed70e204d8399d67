package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.contract.VisitorSalt;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TrackingService;
import io.trackingsystem.users.UserService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real gateway on a free port against the test Redis. Its API keys are index entries written here, as the
 * user-service writes them, or the real user-service runs beside it, with or without the tracking-service. Close
 * it after each test class: a user-service left running would take requests meant for the next class's.
 */
final class IngestGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final int port;
    private final CamelService users;
    private final CamelService tracking;
    private final CamelService gateway;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private enum Services { GATEWAY, USER_SERVICE, EVERY_SERVICE }

    private IngestGateway(Map<String, String> settings, Services services) throws Exception {
        this.port = RedisFixture.freePort();
        Map<String, String> env = new HashMap<>(Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT", "0",
                "REDIS_URL", RedisFixture.url()));
        // every test registers from this one address, many times a second
        env.put("REGISTRATIONS_PER_ADDRESS", "100000");
        env.put("PASSWORD_CHECKS_PER_SECOND", "100000");
        env.putAll(settings);
        this.users = services == Services.GATEWAY ? null : UserService.create(Env.of(env)).start();
        this.tracking = services == Services.EVERY_SERVICE ? TrackingService.create(Env.of(env)).start() : null;
        this.gateway = Gateway.create(Env.of(env)).start();
        this.client = RedisClient.create(RedisFixture.url());
        this.connection = client.connect();
    }

    /** A gateway with {@code settings} over the defaults; keys come from {@link #keyFor}. */
    static IngestGateway start(Map<String, String> settings) throws Exception {
        return new IngestGateway(settings, Services.GATEWAY);
    }

    /** A gateway and the real user-service, both with {@code settings}. */
    static IngestGateway withUserService(Map<String, String> settings) throws Exception {
        return new IngestGateway(settings, Services.USER_SERVICE);
    }

    /** The whole product: gateway, user-service and tracking-service, with {@code settings}. */
    static IngestGateway withEveryService(Map<String, String> settings) throws Exception {
        return new IngestGateway(settings, Services.EVERY_SERVICE);
    }

    /** A site registered through the API, as a new user signs up. */
    Site register() {
        HttpResponse<String> response = post("/api/auth/register", """
                {"name":"Ada","email":"ada-%s@example.com","password":"correct horse battery"}"""
                .formatted(UUID.randomUUID()), "Content-Type", "application/json");
        JsonNode registered = parse(response.body());
        return new Site(registered.at("/site/id").isMissingNode() ? registered.at("/user/id").asText()
                : registered.at("/site/id").asText(), registered.at("/user/apiKey").asText(),
                registered.get("accessToken").asText());
    }

    /** An Analytics API answer for {@code site}, which must be 200. */
    JsonNode stats(Site site, String pathAndQuery) {
        HttpResponse<String> response = send(request(pathAndQuery).header("Authorization",
                "Bearer " + site.accessToken()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return parse(response.body());
    }

    /** The {@code Authorization} header Segment's libraries send: the write key as HTTP Basic user. */
    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** The temporary visitor id an event about {@code address} gets, with the salt of the day it was received. */
    String temporaryVisitorId(JsonNode event, String site, String address) {
        String salt = redis().get(VisitorSalt.key(VisitorSalt.dayOf(event.get("receivedAt").asLong())));
        return VisitorSalt.temporaryVisitorId(salt, site, address, event.path("userAgent").asText(""));
    }

    /** A fresh write key of the site {@code account}, indexed as the user-service indexes one. */
    static String keyFor(String account) {
        String key = newKey();
        onRedis(redis -> redis.hset(AccessKeys.apiKey(AccessKeys.digest(key)), Map.of(AccessKeys.KEY_KIND,
                AccessKeys.WRITE_KIND, AccessKeys.GRANT_SITE, account, AccessKeys.GRANT_ID, "test")));
        return key;
    }

    /** Deletes a key's index entry, as deleting the key does. */
    static void forget(String key) {
        onRedis(redis -> redis.del(AccessKeys.apiKey(AccessKeys.digest(key))));
    }

    /** A well-formed key whose index entry cannot be read, as when the key store fails. */
    static String unresolvableKey() {
        String key = newKey();
        onRedis(redis -> redis.set(AccessKeys.apiKey(AccessKeys.digest(key)), "not a hash"));
        return key;
    }

    /** A write key of the right form that no site owns. */
    static String wellFormedKey() {
        return newKey();
    }

    private static String newKey() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return KeyFormat.WRITE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static void onRedis(Consumer<RedisCommands<String, String>> commands) {
        RedisClient redis = RedisClient.create(RedisFixture.url());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            commands.accept(connection.sync());
        } finally {
            redis.shutdown();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient httpClient() {
        return http;
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    void clearStream() {
        redis().del(IngestStream.KEY);
    }

    /** Every entry on the ingest stream, oldest first. */
    List<Entry> entries() {
        return redis().xrange(IngestStream.KEY, Range.create("-", "+")).stream()
                .map(message -> new Entry(message.getBody().get(IngestStream.SITE),
                        parse(message.getBody().get(IngestStream.EVENT))))
                .toList();
    }

    /** The events stored for {@code account}, oldest first. */
    List<JsonNode> events(String account) {
        return entries().stream().filter(entry -> entry.account().equals(account)).map(Entry::event).toList();
    }

    /** Every key of the database and everything stored under it (stream entries included), as text. */
    List<String> everythingStored() {
        RedisCommands<String, String> redis = redis();
        List<String> stored = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
            for (String key : page.getKeys()) {
                stored.add(key);
                switch (redis.type(key)) {
                    case "string" -> stored.add(redis.get(key));
                    case "hash" -> stored.add(redis.hgetall(key).toString());
                    case "list" -> stored.addAll(redis.lrange(key, 0, -1));
                    case "set" -> stored.addAll(redis.smembers(key));
                    case "zset" -> stored.addAll(redis.zrange(key, 0, -1));
                    case "stream" -> redis.xrange(key, Range.create("-", "+"))
                            .forEach(entry -> stored.add(entry.getBody().toString()));
                    default -> { }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return stored;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        gateway.close();
        if (tracking != null) {
            tracking.close();
        }
        if (users != null) {
            users.close();
        }
    }

    record Entry(String account, JsonNode event) {
    }

    /** A registered site: its id, its write key and its owner's access token. */
    record Site(String id, String writeKey, String accessToken) {
    }
}
