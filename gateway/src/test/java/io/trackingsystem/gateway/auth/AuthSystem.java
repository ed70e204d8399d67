package io.trackingsystem.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.gateway.testing.Response;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.UserService;
import io.trackingsystem.users.tokens.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-service and a gateway on a real Redis, spoken to over real HTTP. The user-service signs with a key pair
 * made here, so tests can also sign tokens of their own. The gateway trusts one proxy, so a test picks its client
 * address with {@code X-Forwarded-For}.
 */
final class AuthSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    final String privatePem;
    final String publicPem;
    final SigningKey key;
    final CamelService users;
    final CamelService gateway;
    private final int port;
    private final Map<String, String> env;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AuthSystem(Map<String, String> settings) throws Exception {
        String[] pair = SigningKey.generatePem();
        privatePem = pair[0];
        publicPem = pair[1];
        key = SigningKey.of(privatePem, publicPem);
        port = RedisFixture.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "REDIS_URL", RedisFixture.url(),
                "PORT", Integer.toString(port),
                "MANAGEMENT_PORT", "0",
                "BCRYPT_COST", "10",
                "JWT_PRIVATE_KEY", privatePem,
                "JWT_PUBLIC_KEY", publicPem,
                "TRUSTED_PROXIES", "1"));
        // Every test registers from one address, many times a second; the limits have tests of their own.
        env.put("REGISTRATIONS_PER_ADDRESS", "100000");
        env.put("PASSWORD_CHECKS_PER_SECOND", "100000");
        env.putAll(settings);
        this.env = Map.copyOf(env);
        users = UserService.create(Env.of(env)).start();
        gateway = Gateway.create(Env.of(env)).start();
        base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on an empty Redis. */
    static AuthSystem start() throws Exception {
        return start(Map.of());
    }

    static AuthSystem start(Map<String, String> settings) throws Exception {
        RedisFixture.flush();
        return new AuthSystem(settings);
    }

    /** Another user-service replica with the same settings; the caller closes it. */
    CamelService startUserService() throws Exception {
        return UserService.create(Env.of(env)).start();
    }

    int gatewayPort() {
        return port;
    }

    PrivateKey privateKey() {
        return key.privateKey();
    }

    /** Runs commands on Redis directly, behind the services' backs; returns when they are done. */
    static void redis(Consumer<RedisCommands<String, String>> commands) {
        RedisClient client = RedisClient.create(RedisFixture.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            commands.accept(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    Response send(String method, String path, Object body, String bearer, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : toJson(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, Object body) {
        return send("POST", path, body, null, Map.of());
    }

    Response post(String path, Object body, String bearer) {
        return send("POST", path, body, bearer, Map.of());
    }

    Response get(String path, String bearer) {
        return send("GET", path, null, bearer, Map.of());
    }

    Response patch(String path, Object body, String bearer) {
        return send("PATCH", path, body, bearer, Map.of());
    }

    Response login(String email, String password, String clientAddress) {
        return send("POST", "/api/auth/login", Map.of("email", email, "password", password), null,
                Map.of("X-Forwarded-For", clientAddress));
    }

    /** Registers a fresh account and returns its session. */
    Session register() {
        return register(uniqueEmail("user"));
    }

    Session register(String email) {
        Response response = post("/api/auth/register", Map.of("name", "Ada", "email", email, "password", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return Session.of(response.json(), email);
    }

    @Override
    public void close() {
        gateway.close();
        users.close();
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A signed-in account, as registration or login hands it out. */
    record Session(String userId, String email, String apiKey, String accessToken, String refreshToken,
                   String siteId) {

        static Session of(JsonNode json, String email) {
            JsonNode user = json.path("user");
            return new Session(user.path("id").asText(), email, user.path("apiKey").asText(),
                    json.path("accessToken").asText(), json.path("refreshToken").asText(),
                    json.path("site").path("id").asText(null));
        }

        Session refreshedWith(JsonNode json) {
            return new Session(userId, email, apiKey, json.path("accessToken").asText(),
                    json.path("refreshToken").asText(), siteId);
        }
    }
}
