package io.trackingsystem.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.gateway.testing.Response;
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
final class AnalyticsSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final CamelService users;
    final CamelService tracking;
    final CamelService gateway;
    private final URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
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

    static AnalyticsSystem start(Map<String, String> settings) throws Exception {
        RedisFixture.flush();
        return new AnalyticsSystem(settings);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** A freshly registered account. */
    Account register() {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response response = send(HttpRequest.newBuilder(uri("/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("name", "Ada", "email", email,
                        "password", "correct horse battery")))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode user = response.json().path("user");
        return new Account(user.path("id").asText(), user.path("apiKey").asText(),
                response.json().path("accessToken").asText(), response.json().path("refreshToken").asText());
    }

    /** Sends events through the native ingest API, from a browser with this user agent; each a map of fields. */
    void ingest(Account account, String userAgent, List<Map<String, Object>> events) {
        for (int from = 0; from < events.size(); from += 500) {
            List<Map<String, Object>> batch = events.subList(from, Math.min(events.size(), from + 500));
            Response response = send(HttpRequest.newBuilder(uri("/api/events"))
                    .header("Content-Type", "application/json").header("X-API-Key", account.apiKey())
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("batch", batch)))));
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        }
    }

    Response get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    Response send(HttpRequest.Builder request) {
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

    static String json(Object value) {
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

    record Account(String id, String apiKey, String accessToken, String refreshToken) {
    }
}
