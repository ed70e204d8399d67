package io.trackingsystem.gateway.dashboard;

import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayResponsesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CamelService gateway;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        int port = RedisFixture.freePort();
        base = "http://localhost:" + port;
        gateway = Gateway.create(Env.of(Map.of("PORT", Integer.toString(port), "MANAGEMENT_PORT", "0",
                "REDIS_URL", RedisFixture.url()))).start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void servesTheDashboardWithSecurityHeadersAndNoCaching() throws Exception {
        HttpResponse<String> page = send("GET", "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void clientSideRoutesFallBackToTheApp() throws Exception {
        HttpResponse<String> page = send("GET", "/dashboard/some/deep/link");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(send("GET", "/").body());
        assertThat(script.find()).as("index.html references a hashed script").isTrue();

        HttpResponse<String> asset = send("GET", script.group(1));

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aMissingFileIsA404AndNothingOutsideTheAppIsServed() throws Exception {
        assertThat(send("GET", "/assets/missing.js").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/../../etc/passwd").body()).doesNotContain("root:");
    }

    @Test
    void unknownApiPathsAnswerProblemJsonWhateverTheMethod() throws Exception {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            for (String path : new String[] {"/api/nothing-here", "/v1/nothing-here"}) {
                HttpResponse<String> response = send(method, path);

                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("\"status\":404");
            }
        }
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
