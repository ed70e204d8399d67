package io.trackingsystem.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's public HTTP API as a client sees it: real requests to a running gateway. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";
    /** Yesterday and today, UTC: holds every event the tests send, which are at most an hour old. */
    static final String RECENT = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to="
            + LocalDate.now(ZoneOffset.UTC);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** A new account, registered through the API. */
    Account register() {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response response = post("/api/auth/register", json(Map.of("name", "Ada", "email", email,
                "password", PASSWORD)), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Account(body.path("user").path("id").asText(), email, body.path("user").path("apiKey").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText(),
                body.path("site").path("id").asText(), body.path("team").path("id").asText());
    }

    Response login(String email) {
        return post("/api/auth/login", json(Map.of("email", email, "password", PASSWORD)), Map.of());
    }

    /** Posts a batch of event JSON objects to the native ingest API. */
    Response ingest(String apiKey, List<String> events) {
        return post("/api/events", "{\"batch\":[" + String.join(",", events) + "]}", Map.of("X-API-Key", apiKey));
    }

    /** The account's total of events over {@link #RECENT}, from the dashboard's overview. */
    long countedEvents(Account account) {
        Response overview = get("/api/stats/overview?" + RECENT, account.accessToken());
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        return overview.json().path("events").asLong();
    }

    Response get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Sends with a 30 s timeout; an I/O failure is an answer too (status 0), since fault tests expect some. */
    Response send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Response(0, HttpHeaders.of(Map.of(), (a, b) -> true), e.toString(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and returns once the head has arrived, leaving the body unread: for endless event streams. */
    Response sendForHead(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Response(response.statusCode(), response.headers(), "",
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Response(0, HttpHeaders.of(Map.of(), (a, b) -> true), e.toString(),
                    Duration.ofNanos(System.nanoTime() - start));
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

    /** A registered account with the write key, site and team its registration answered. */
    record Account(String id, String email, String apiKey, String accessToken, String refreshToken, String siteId,
                   String teamId) {
    }

    record Response(int status, HttpHeaders headers, String body, Duration took) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean isProblem(int expected) {
            return status == expected && String.valueOf(header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
