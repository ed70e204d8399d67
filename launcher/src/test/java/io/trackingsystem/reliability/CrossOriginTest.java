package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which origins a browser lets read the answers: the API only the dashboard's ({@code DASHBOARD_ORIGIN}), ingest
 * any. The dashboard's own headers (CSP with frame-ancestors, nosniff, Referrer-Policy) are tested in the
 * gateway's GatewayResponsesTest, and ingest's CORS answers in NativeApiTest and SegmentApiTest.
 */
class CrossOriginTest {

    private static final String DASHBOARD = "https://dash.example.com";
    private static final String STRANGER = "https://evil.example.net";
    private static final List<String> API_READS = List.of("/api/me", "/api/stats/overview", "/api/stats/timeseries",
            "/api/stats/breakdown?dimension=page", "/api/stats/realtime", "/api/stats/funnel", "/api/stats/retention",
            "/api/events", "/api/export?dataset=pages", "/api/live");

    private static Product product;
    private static Product withoutDashboardOrigin;
    private static Account account;

    @BeforeAll
    static void start() {
        RedisFixture.flush();
        product = Product.on(RedisFixture.url(), Map.of("DASHBOARD_ORIGIN", DASHBOARD + "/"));
        product.userService();
        product.trackingService();
        product.gateway();
        withoutDashboardOrigin = Product.on(RedisFixture.url(), Map.of());
        withoutDashboardOrigin.gateway();
        account = product.api.register();
    }

    @AfterAll
    static void stop() {
        withoutDashboardOrigin.close();
        product.close();
    }

    @Test
    void theApiGrantsTheDashboardOriginItsAnswersErrorsIncluded() {
        for (String path : API_READS) {
            Response answer = get(product.api, path, DASHBOARD, account.accessToken());
            Response refusal = get(product.api, path, DASHBOARD, null);

            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo(DASHBOARD);
            assertThat(refusal.status()).as(path).isEqualTo(401);
            assertThat(refusal.header("Access-Control-Allow-Origin")).as(path).isEqualTo(DASHBOARD);
            assertThat(refusal.header("Vary")).as(path).contains("Origin");
        }
        Response login = product.api.send(HttpRequest.newBuilder(product.api.uri("/api/auth/login"))
                .header("Origin", DASHBOARD).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("email", account.email(),
                        "password", Api.PASSWORD)))));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
    }

    @Test
    void theApiAnswersThePreflightsOfTheDashboardOnly() {
        for (String path : List.of("/api/stats/overview", "/api/me", "/api/auth/login", "/api/events", "/api/live")) {
            Response dashboard = preflight(product.api, path, DASHBOARD, "GET");
            Response stranger = preflight(product.api, path, STRANGER, "GET");

            assertThat(dashboard.status()).as(path).isEqualTo(204);
            assertThat(dashboard.header("Access-Control-Allow-Origin")).as(path).isEqualTo(DASHBOARD);
            assertThat(dashboard.header("Access-Control-Allow-Headers")).as(path).contains("Authorization");
            assertThat(stranger.isProblem(403)).as(path).isTrue();
            assertThat(stranger.header("Access-Control-Allow-Origin")).as(path).isNull();
        }
        assertThat(preflight(product.api, "/api/me", DASHBOARD, "PATCH").header("Access-Control-Allow-Methods"))
                .contains("PATCH");
    }

    @Test
    void theApiGrantsNoOtherOrigin() {
        for (String path : API_READS) {
            assertThat(get(product.api, path, STRANGER, account.accessToken()).header("Access-Control-Allow-Origin"))
                    .as(path).isNull();
            assertThat(get(product.api, path, "null", account.accessToken()).header("Access-Control-Allow-Origin"))
                    .as("sandboxed pages send Origin: null; " + path).isNull();
            assertThat(get(product.api, path, DASHBOARD + ".evil.example.net", account.accessToken())
                    .header("Access-Control-Allow-Origin")).as(path).isNull();
        }
    }

    @Test
    void withoutADashboardOriginTheApiGrantsNoOriginAtAll() {
        for (String path : API_READS) {
            assertThat(get(withoutDashboardOrigin.api, path, DASHBOARD, account.accessToken())
                    .header("Access-Control-Allow-Origin")).as(path).isNull();
        }
        assertThat(preflight(withoutDashboardOrigin.api, "/api/me", DASHBOARD, "GET").isProblem(403)).isTrue();
    }

    @Test
    void ingestStillAllowsEveryOrigin() {
        Response preflight = preflight(product.api, "/api/events", STRANGER, "POST");
        Response posted = product.api.send(HttpRequest.newBuilder(product.api.uri("/api/events"))
                .header("Origin", STRANGER).header("Content-Type", "text/plain").header("X-API-Key", account.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventName\":\"pageview\",\"page\":\"/\"}")));
        Response segment = preflight(product.api, "/v1/track", STRANGER, "POST");
        Response tracker = get(product.api, "/t.js", STRANGER, null);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(List.of(preflight, posted, segment, tracker)).allSatisfy(response ->
                assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*"));
        assertThat(posted.status()).isEqualTo(202);
    }

    private static Response get(Api api, String path, String origin, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Origin", origin).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (path.equals("/api/live")) {
            return api.sendForHead(request);
        }
        return api.send(request);
    }

    private static Response preflight(Api api, String path, String origin, String method) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
