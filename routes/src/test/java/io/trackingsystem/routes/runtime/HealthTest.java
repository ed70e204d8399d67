package io.trackingsystem.routes.runtime;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private CamelService service;
    private RedisServer redis;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void readinessFollowsRedisWhileLivenessStaysUp() throws Exception {
        int redisPort = RedisFixture.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
        redis.start();
        int management = RedisFixture.freePort();
        service = CamelService.named("health-probe", CommonConfig.from(Env.of(Map.of(
                "REDIS_URL", "redis://127.0.0.1:" + redisPort,
                "MANAGEMENT_PORT", Integer.toString(management))))).start();

        assertThat(status(management, "/observe/health/ready")).isEqualTo(200);
        assertThat(status(management, "/observe/health/live")).isEqualTo(200);

        redis.stop();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(status(management, "/observe/health/ready")).isEqualTo(503));
        assertThat(status(management, "/observe/health/live")).isEqualTo(200);

        redis.start();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status(management, "/observe/health/ready")).isEqualTo(200));
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        int management = RedisFixture.freePort();
        service = CamelService.named("metrics-probe", CommonConfig.from(Env.of(Map.of(
                "REDIS_URL", RedisFixture.url(),
                "MANAGEMENT_PORT", Integer.toString(management))))).start();

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + management + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE").contains("camel_context=\"metrics-probe\"");
    }

    private int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
