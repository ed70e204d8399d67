package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.contract.VisitorSalt;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TrackingService;
import io.trackingsystem.users.UserService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gateway on a free port against the test Redis, and a user-service to resolve its API keys: either a
 * stand-in for the {@code resolveApiKey} operation that answers from {@link #ACCOUNTS}, or the real user-service,
 * with or without the tracking-service. All answer over the real messaging layer. Close it after each test class:
 * a user-service left running would take requests meant for the next class's.
 */
final class IngestGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** API key to account id, as the stand-in user-service knows them. */
    static final Map<String, String> ACCOUNTS = new ConcurrentHashMap<>();
    /** Lookups the stand-in user-service has answered. */
    static final AtomicInteger LOOKUPS = new AtomicInteger();
    /** Keys starting with this make the stand-in user-service fail, as if it could not read its store. */
    private static final String UNRESOLVABLE = KeyFormat.WRITE_PREFIX + "unresolvable";
    private static final SecureRandom RANDOM = new SecureRandom();

    final int port;
    private final CamelService users;
    private final CamelService tracking;
    private final CamelService gateway;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private enum Services { STAND_IN, USER_SERVICE, EVERY_SERVICE }

    private IngestGateway(Map<String, String> settings, Services services) throws Exception {
        this.port = RedisFixture.freePort();
        Map<String, String> env = new HashMap<>(Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT", "0",
                "REDIS_URL", RedisFixture.url()));
        env.putAll(settings);
        this.users = services == Services.STAND_IN ? standInUserService() : UserService.create(Env.of(env)).start();
        this.tracking = services == Services.EVERY_SERVICE ? TrackingService.create(Env.of(env)).start() : null;
        this.gateway = Gateway.create(Env.of(env)).start();
        this.client = RedisClient.create(RedisFixture.url());
        this.connection = client.connect();
    }

    /** A gateway with {@code settings} over the defaults, and the stand-in user-service. */
    static IngestGateway start(Map<String, String> settings) throws Exception {
        return new IngestGateway(settings, Services.STAND_IN);
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
        return new Site(registered.at("/user/id").asText(), registered.at("/user/apiKey").asText(),
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

    /** A fresh API key owned by {@code account}, for the stand-in user-service. */
    static String keyFor(String account) {
        String key = wellFormedKey();
        ACCOUNTS.put(key, account);
        return key;
    }

    /** The {@code Authorization} header Segment's libraries send: the write key as HTTP Basic user. */
    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** A write key of the right form that no account owns. */
    static String wellFormedKey() {
        byte[] secret = new byte[KeyFormat.SECRET_LENGTH * 3 / 4];
        RANDOM.nextBytes(secret);
        return KeyFormat.WRITE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A write key whose lookup fails in the stand-in user-service. */
    static String unresolvableKey() {
        return UNRESOLVABLE + wellFormedKey().substring(UNRESOLVABLE.length());
    }

    /** The temporary visitor id an event about {@code address} gets, with the salt of the day it was received. */
    String temporaryVisitorId(JsonNode event, String site, String address) {
        String salt = redis().get(VisitorSalt.key(VisitorSalt.dayOf(event.get("receivedAt").asLong())));
        return VisitorSalt.temporaryVisitorId(salt, site, address, event.path("userAgent").asText(""));
    }

    private static CamelService standInUserService() throws Exception {
        CommonConfig common = CommonConfig.from(Env.of(Map.of("REDIS_URL", RedisFixture.url(),
                "MANAGEMENT_PORT", "0")));
        return CamelService.named("user-service-stand-in", common).routes(redis -> new RouteBuilder() {
            @Override
            public void configure() {
                from(ApiKeyCache.RESOLVE).process(exchange -> {
                    String key = exchange.getMessage().getBody(String.class);
                    LOOKUPS.incrementAndGet();
                    if (key.startsWith(UNRESOLVABLE)) {
                        throw new IllegalStateException("the key store is down");
                    }
                    String account = ACCOUNTS.get(key);
                    exchange.getMessage().setBody(account == null ? "unknown key" : account);
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, account == null ? 404 : 200);
                });
            }
        }).start();
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
        users.close();
    }

    record Entry(String account, JsonNode event) {
    }

    /** A registered site: its id, its write key and its owner's access token. */
    record Site(String id, String writeKey, String accessToken) {
    }
}
