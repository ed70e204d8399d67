package io.trackingsystem.gateway.auth;

import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.routes.contract.AccessKeys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys, seen from two gateways. Each gateway gets a probe endpoint that accepts a request exactly when
 * its {@link ApiKeyCache} knows the key, as the ingest endpoints do.
 */
class ApiKeyTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AuthSystem system;
    private static CamelService secondGateway;
    private static List<URI> probes;

    @BeforeAll
    static void start() throws Exception {
        system = AuthSystem.start();
        int port = RedisFixture.freePort();
        secondGateway = Gateway.create(Env.of(Map.of("REDIS_URL", RedisFixture.url(), "PORT", Integer.toString(port),
                "MANAGEMENT_PORT", "0"))).start();
        probes = List.of(probe(system.gateway.context(), system.gatewayPort()), probe(secondGateway.context(), port));
    }

    @AfterAll
    static void stop() {
        secondGateway.close();
        system.close();
    }

    @Test
    void rotationHandsOutANewKeyAndShowsIt() {
        Session session = system.register();

        Response rotated = system.post("/api/me/api-key", null, session.accessToken());

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().path("apiKey").asText();
        assertThat(rotated.json().size()).isEqualTo(1);
        assertThat(newKey).isNotEqualTo(session.apiKey()).startsWith("tsk_");
        assertThat(Base64.getUrlDecoder().decode(newKey.substring(4))).hasSizeGreaterThanOrEqualTo(16);
        Response keys = system.get("/api/sites/" + session.siteId() + "/keys", session.accessToken());
        assertThat(keys.json().path("keys")).hasSize(1);
        assertThat(keys.json().path("keys").get(0).path("prefix").asText()).isEqualTo(newKey.substring(0, 8));
        assertThat(keys.body()).doesNotContain(newKey);
    }

    @Test
    void aReplacedKeyIsRefusedEverywhereWithinFiveSeconds() {
        Session session = system.register();
        probes.forEach(probe -> assertThat(ingest(probe, session.apiKey())).isEqualTo(202));

        String newKey = system.post("/api/me/api-key", null, session.accessToken()).json().path("apiKey").asText();

        await().atMost(BOUND).untilAsserted(() ->
                probes.forEach(probe -> assertThat(ingest(probe, session.apiKey())).isEqualTo(401)));
        probes.forEach(probe -> assertThat(ingest(probe, newKey)).isEqualTo(202));
    }

    /** Announcements are at most once; the caches' short freshness still bounds a key's afterlife. */
    @Test
    void aKeyRemovedWithoutAnnouncementIsRefusedWithinFiveSeconds() {
        Session session = system.register();
        probes.forEach(probe -> assertThat(ingest(probe, session.apiKey())).isEqualTo(202));

        AuthSystem.redis(redis -> redis.del(AccessKeys.apiKey(AccessKeys.digest(session.apiKey()))));

        await().atMost(BOUND).untilAsserted(() ->
                probes.forEach(probe -> assertThat(ingest(probe, session.apiKey())).isEqualTo(401)));
    }

    @Test
    void resolvesKeysToTheirAccount() throws Exception {
        Session session = system.register();
        ApiKeyCache cache = ApiKeyCache.in(system.gateway.context());

        assertThat(cache.accountFor(session.apiKey()).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .contains(session.siteId());
        assertThat(cache.accountFor("tsk_unknown").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(cache.accountFor("x".repeat(500)).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private static int ingest(URI probe, String apiKey) {
        try {
            return HTTP.send(HttpRequest.newBuilder(probe).header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI probe(CamelContext context, int port) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/test/api-key-probe?httpMethodRestrict=POST").routeId("api-key-probe")
                        .process(ApiKeyTest::admitByKey);
            }
        });
        return URI.create("http://127.0.0.1:" + port + "/test/api-key-probe");
    }

    private static void admitByKey(Exchange exchange) throws Exception {
        String key = exchange.getMessage().getHeader("X-API-Key", String.class);
        Optional<String> account = ApiKeyCache.in(exchange.getContext()).accountFor(key)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        if (account.isEmpty()) {
            throw ProblemException.unauthorized("Unknown API key");
        }
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setBody(account.get());
    }
}
