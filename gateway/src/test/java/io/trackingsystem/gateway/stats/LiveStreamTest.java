package io.trackingsystem.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.testing.AnalyticsSystem;
import io.trackingsystem.gateway.testing.AnalyticsSystem.Account;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/live}: server-sent events of the account's newly stored events, over real HTTP and Redis. */
class LiveStreamTest {

    private static AnalyticsSystem system;
    private final List<Stream<String>> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        system = AnalyticsSystem.start(Map.of("LIVE_HEARTBEAT_MS", "300", "LIVE_MAX_STREAMS_PER_ACCOUNT", "2"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @AfterEach
    void disconnect() {
        open.forEach(Stream::close);
    }

    @Test
    void streamsEachStoredEventOfTheAccountOnly() throws Exception {
        Account alice = system.register();
        Account bob = system.register();
        Lines aliceLines = connect(alice.accessToken());
        Lines bobLines = connect(bob.accessToken());

        system.ingest(alice, AnalyticsApiTest.FIREFOX, List.of(Map.of("eventName", "pageview", "anonymousId", "v1",
                "page", "https://shop.example/live", "context", Map.of("plan", "pro"))));

        JsonNode event = aliceLines.nextEvent();
        assertThat(event.path("eventName").asText()).isEqualTo("pageview");
        assertThat(event.path("page").asText()).isEqualTo("/live");
        assertThat(event.path("visitorId").asText()).isEqualTo("v1");
        assertThat(event.path("browser").asText()).isEqualTo("Firefox");
        assertThat(event.path("properties").path("plan").asText()).isEqualTo("pro");
        assertThat(event.path("timestamp").asText()).endsWith("Z");
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> bobLines.data().isEmpty());
    }

    @Test
    void acceptsTheTokenAsBearerHeaderToo() throws Exception {
        Account alice = system.register();
        HttpResponse<Stream<String>> response = system.http.send(HttpRequest.newBuilder(system.uri("/api/live"))
                .header("Authorization", "Bearer " + alice.accessToken()).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        open.add(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    }

    @Test
    void sendsHeartbeatComments() throws Exception {
        Lines lines = connect(system.register().accessToken());

        assertThat(lines.next(line -> line.startsWith(": keep-alive"))).isNotNull();
    }

    @Test
    void unsubscribesWhenTheLastStreamOfAnAccountCloses() throws Exception {
        Account alice = system.register();
        String channel = LiveFanout.channel(alice.siteId());
        Lines first = connect(alice.accessToken());
        Lines second = connect(alice.accessToken());
        assertThat(subscribers(channel)).isEqualTo(1);

        first.close();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> subscribers(channel) == 1);
        second.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> subscribers(channel) == 0);
    }

    @Test
    void refusesMoreStreamsPerAccountThanAllowed() throws Exception {
        Account alice = system.register();
        connect(alice.accessToken());
        connect(alice.accessToken());

        HttpResponse<String> third = system.http.send(HttpRequest.newBuilder(system.uri("/api/live?access_token="
                + alice.accessToken())).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void endsTheStreamOnceItsSessionIsSignedOut() throws Exception {
        Account alice = system.register();
        Lines lines = connect(alice.accessToken());

        Response logout = system.send(HttpRequest.newBuilder(system.uri("/api/auth/logout"))
                .header("Authorization", "Bearer " + alice.accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AnalyticsSystem.json(
                        Map.of("refreshToken", alice.refreshToken())))));
        assertThat(logout.status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(lines::ended);
    }

    @Test
    void refusesAnInvalidToken() throws Exception {
        HttpResponse<String> response = system.http.send(HttpRequest.newBuilder(system.uri(
                "/api/live?access_token=forged")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private long subscribers(String channel) throws Exception {
        return system.gateway.redis().async().pubsubNumsub(channel).get(5, TimeUnit.SECONDS)
                .getOrDefault(channel, 0L);
    }

    /** Opens a stream with the token in the query string, as EventSource does, and waits until it is subscribed. */
    private Lines connect(String token) throws Exception {
        HttpResponse<Stream<String>> response = system.http.send(HttpRequest.newBuilder(system.uri(
                        "/api/live?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        Lines lines = new Lines(response.body());
        assertThat(lines.next(line -> line.equals(": connected"))).isNotNull();
        return lines;
    }

    /** The lines of one stream, read on a thread of their own. */
    private static final class Lines {
        private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final List<String> data = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Stream<String> stream;
        private volatile boolean ended;

        Lines(Stream<String> stream) {
            this.stream = stream;
            Thread reader = new Thread(() -> {
                try {
                    stream.forEach(line -> {
                        if (line.startsWith("data: ")) {
                            data.add(line);
                        }
                        queue.add(line);
                    });
                } catch (RuntimeException closed) {
                    // the test closed the stream
                } finally {
                    ended = true;
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String next(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                String line = queue.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no such line within 10 s");
        }

        JsonNode nextEvent() throws InterruptedException {
            String line = next(text -> text.startsWith("data: "));
            try {
                return AnalyticsSystem.JSON.readTree(line.substring("data: ".length()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> data() {
            return data;
        }

        boolean ended() {
            return ended;
        }

        void close() {
            stream.close();
        }
    }
}
