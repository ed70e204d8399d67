package io.trackingsystem.launcher;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheDashboardWithAnEmbeddedRedisAndLeavesNothingBehind(@TempDir Path data) throws Exception {
        int port = RedisFixture.freePort();
        int management = RedisFixture.freePort();
        Launcher launcher = new Launcher();
        launcher.start(Env.of(Map.of("PORT", Integer.toString(port),
                "MANAGEMENT_PORT", Integer.toString(management), "DATA_DIR", data.toString())));
        int redisPort;
        try {
            HttpResponse<String> page = get("http://localhost:" + port + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"root\">");
            assertThat(get("http://localhost:" + management + "/observe/health/ready").statusCode())
                    .isEqualTo(200);
            assertThat(Files.exists(data.resolve("appendonly.aof"))).as("Redis persists to DATA_DIR").isTrue();
            redisPort = launcher.redisPort().orElseThrow();
        } finally {
            launcher.close();
        }

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", redisPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void usesTheRedisAtRedisUrlInsteadOfStartingOne(@TempDir Path data) throws Exception {
        int port = RedisFixture.freePort();
        Launcher launcher = new Launcher();
        launcher.start(Env.of(Map.of("PORT", Integer.toString(port), "MANAGEMENT_PORT", "0",
                "REDIS_URL", RedisFixture.url(), "DATA_DIR", data.toString())));
        try {
            assertThat(get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
            assertThat(launcher.redisPort()).isEmpty();
            assertThat(data).isEmptyDirectory();
        } finally {
            launcher.close();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
