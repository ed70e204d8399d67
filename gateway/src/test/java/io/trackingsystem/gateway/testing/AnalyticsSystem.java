package io.trackingsystem.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.routes.config.Env;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product on the test Redis: user-service, tracking-service and gateway, spoken to over real HTTP.
 * Accounts register through the API; events go in through the native ingest API with the account's key.
 */
public final class AnalyticsSystem implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final CamelService users;
    public final CamelService tracking;
    public final CamelService gateway;
    private final URI base;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AnalyticsSystem(Map<String, String> settings) throws Exception {
        int port = RedisFixture.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "REDIS_URL", RedisFixture.url(),
                "PORT", Integer.toString(port),
                "MANAGEMENT_PORT", "0",
                "BCRYPT_COST", "10",
                "WORKER_THREADS", "1",
                "INGEST_RATE_LIMIT_PER_SECOND", "0"));
        // Every test registers from one address, many times a second.
        env.put("REGISTRATIONS_PER_ADDRESS", "100000");
        env.put("PASSWORD_CHECKS_PER_SECOND", "100000");
        env.putAll(settings);
        users = UserService.create(Env.of(env)).start();
        tracking = TrackingService.create(Env.of(env)).start();
        gateway = Gateway.create(Env.of(env)).start();
        base = URI.create("http://127.0.0.1:" + port);
    }

    public static AnalyticsSystem start(Map<String, String> settings) throws Exception {
        RedisFixture.flush();
        return new AnalyticsSystem(settings);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** A freshly registered account. */
    public Account register() {
        return register("user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    /** Sends events through the native ingest API, from a browser with this user agent; each a map of fields. */
    public void ingest(Account account, String userAgent, List<Map<String, Object>> events) {
        for (int from = 0; from < events.size(); from += 500) {
            List<Map<String, Object>> batch = events.subList(from, Math.min(events.size(), from + 500));
            Response response = send(HttpRequest.newBuilder(uri("/api/events"))
                    .header("Content-Type", "application/json").header("X-API-Key", account.apiKey())
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("batch", batch)))));
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        }
    }

    public Response get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        tracking.close();
        users.close();
    }

    /** A JSON call as a signed-in user (or anyone, with a null token). */
    public Response call(String method, String path, Object body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : json(body)));
        }
        return send(request);
    }

    /** Registers with a given email. */
    public Account register(String email) {
        Response response = call("POST", "/api/auth/register", Map.of("name", "Ada", "email", email,
                "password", "correct horse battery"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Account(body.path("user").path("id").asText(), body.path("user").path("apiKey").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText(), email,
                body.path("site").path("id").asText(), body.path("team").path("id").asText());
    }

    /**
     * A registered account: its write key ({@code apiKey}) and first site and team, as registration answers them.
     */
    public record Account(String id, String apiKey, String accessToken, String refreshToken, String email,
                          String siteId, String teamId) {
    }
}
