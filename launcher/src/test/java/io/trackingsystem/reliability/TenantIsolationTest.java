package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bob's credentials against Alice's data, on every endpoint, with every way a request could name another account:
 * query parameters, headers, filters on her values, her keys in the body. Alice's events carry the marker
 * {@value #SECRET} in every field a query can return; no answer to Bob may contain it, and nothing Bob does may
 * change her data, profile, key or sessions.
 */
class TenantIsolationTest {

    static final String SECRET = "alicesecret";
    private static final List<String> READS = readEndpoints();

    private static Product product;
    private static Account alice;
    private static Account bob;

    @BeforeAll
    static void start() {
        product = Product.allInProcess();
        alice = product.api.register();
        bob = product.api.register();
        List<String> hers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hers.add(secretEvent("pageview", i));
            hers.add(secretEvent(SECRET + "-event", i));
        }
        assertThat(product.api.ingest(alice.apiKey(), hers).status()).isEqualTo(202);
        assertThat(product.api.ingest(bob.apiKey(), List.of("{\"eventName\":\"pageview\",\"page\":\"/bob\","
                + "\"anonymousId\":\"bob-visitor\"}")).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(alice) == 10
                && product.api.countedEvents(bob) == 1);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void noReadOfBobsEverReturnsAlicesData() {
        List<String> checked = new ArrayList<>();
        for (String path : READS) {
            for (String naming : namingsOfAlice()) {
                String url = path + (path.contains("?") ? "&" : "?") + Api.RECENT + naming;
                for (Map<String, String> headers : headersNamingAlice()) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(product.api.uri(url))
                            .header("Authorization", "Bearer " + bob.accessToken());
                    headers.forEach(request::header);
                    Response response = product.api.send(request.GET());

                    assertThat(response.status()).as(url + " " + headers).isBetween(200, 499);
                    assertThat(withoutEcho(response.body(), url).toLowerCase()).as(url + " " + headers)
                            .doesNotContain(SECRET)
                            .doesNotContain(alice.email()).doesNotContain(alice.apiKey().toLowerCase());
                    checked.add(url);
                }
            }
        }
        assertThat(checked).hasSize(READS.size() * namingsOfAlice().size() * headersNamingAlice().size());
        assertThat(product.api.get("/api/export?dataset=events&" + Api.RECENT, bob.accessToken()).body())
                .as("Bob reads his own data all the while").contains("/bob");
        assertThat(product.api.get("/api/export?dataset=events&" + Api.RECENT, alice.accessToken()).body())
                .as("the marker is there to be found").contains(SECRET);
    }

    @Test
    void bobsLiveStreamCarriesNoneOfAlicesEvents() throws Exception {
        try (LiveFrames bobsLive = LiveFrames.open(product.api, bob.accessToken())) {
            long before = product.api.countedEvents(alice);
            assertThat(product.api.ingest(alice.apiKey(), List.of(secretEvent("pageview", 99))).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(alice) > before);
            assertThat(product.api.ingest(bob.apiKey(), List.of("{\"eventName\":\"bob-live\",\"page\":\"/bob\"}"))
                    .status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> bobsLive.text().contains("bob-live"));

            assertThat(bobsLive.text().toLowerCase()).doesNotContain(SECRET);
        }
    }

    @Test
    void writesWithAnotherAccountsCredentialsNeverReachAlice() {
        Account mallory = product.api.register();
        Api api = product.api;
        Response nativeWithHerKeyInTheBody = api.post("/api/events", "{\"apiKey\":\"" + alice.apiKey()
                + "\",\"eventName\":\"mallory-native\"}", Map.of("X-API-Key", mallory.apiKey()));
        Response segmentWithHerKeyInTheBody = api.post("/v1/track", "{\"writeKey\":\"" + alice.apiKey()
                + "\",\"userId\":\"u\",\"event\":\"mallory-segment\"}", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((mallory.apiKey() + ":").getBytes(StandardCharsets.UTF_8))));
        Response renamed = api.send(asMallory(mallory, "/api/me?userId=" + alice.id()).method("PATCH",
                body(Map.of("name", "Mallory", "id", alice.id(), "userId", alice.id(), "email", alice.email()))));
        Response loggedOut = api.send(asMallory(mallory, "/api/auth/logout")
                .POST(body(Map.of("refreshToken", alice.refreshToken()))));
        String[] own = mallory.refreshToken().split("\\.");
        Response grafted = api.post("/api/auth/refresh", Api.json(Map.of("refreshToken",
                alice.id() + "." + own[1] + "." + own[2])), Map.of());
        Response rotated = api.send(asMallory(mallory, "/api/me/api-key?userId=" + alice.id())
                .POST(body(Map.of("userId", alice.id()))));

        assertThat(List.of(nativeWithHerKeyInTheBody.status(), segmentWithHerKeyInTheBody.status(),
                renamed.status(), rotated.status())).containsExactly(202, 200, 200, 200);
        assertThat(loggedOut.status()).as("her refresh token is not Mallory's to end").isEqualTo(401);
        assertThat(grafted.status()).as("her id on Mallory's refresh token").isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.countedEvents(mallory) == 2);

        Response her = api.get("/api/me", alice.accessToken());
        assertThat(her.json().path("name").asText()).isEqualTo("Ada");
        assertThat(her.json().path("email").asText()).isEqualTo(alice.email());
        assertThat(api.ingest(alice.apiKey(), List.of("{\"eventName\":\"still-hers\"}")).status())
                .as("her key still works").isEqualTo(202);
        assertThat(api.get("/api/events?" + Api.RECENT + "&limit=1000", alice.accessToken()).body())
                .doesNotContain("mallory-");
        assertThat(api.login(alice.email()).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", Api.json(Map.of("refreshToken", alice.refreshToken())), Map.of())
                .status()).as("her session lives on").isEqualTo(200);
    }

    /** The answer without the values Bob's own request carried, which answers may repeat, such as funnel steps. */
    private static String withoutEcho(String body, String url) {
        String echoless = body;
        for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
            String value = parameter.substring(parameter.indexOf('=') + 1);
            if (value.contains(SECRET)) {
                echoless = echoless.replace(value, "").replace(value.substring(value.indexOf(':') + 1), "");
            }
        }
        return echoless;
    }

    /** An event of Alice's with the marker in every field a query can return. */
    private static String secretEvent(String name, int i) {
        return Api.json(Map.of("eventName", name, "anonymousId", SECRET + "-visitor-" + i,
                "userId", SECRET + "-user-" + i, "sessionId", SECRET + "-session-" + i,
                "page", "https://" + SECRET + ".example/" + SECRET + "-page?utm_source=" + SECRET
                        + "&utm_medium=" + SECRET + "&utm_campaign=" + SECRET + "&utm_term=" + SECRET
                        + "&utm_content=" + SECRET,
                "referrer", "https://" + SECRET + "-referrer.example/",
                "title", SECRET + " title", "screen", "1234x567", "language", SECRET,
                "context", Map.of(SECRET, SECRET + "-value")));
    }

    private static List<String> readEndpoints() {
        List<String> reads = new ArrayList<>(List.of("/api/me", "/api/stats/overview", "/api/stats/timeseries",
                "/api/stats/timeseries?interval=hour", "/api/stats/realtime", "/api/stats/retention",
                "/api/stats/funnel?step=pageview:/" + SECRET + "-page&step=event:" + SECRET + "-event",
                "/api/events", "/api/events?visitorId=" + SECRET + "-visitor-1", "/api/events?eventName=" + SECRET
                        + "-event", "/api/export?dataset=events"));
        for (String dimension : List.of("page", "entryPage", "exitPage", "referrer", "utmSource", "utmMedium",
                "utmCampaign", "utmTerm", "utmContent", "browser", "os", "device", "screen", "language", "country",
                "eventName", "property:" + SECRET)) {
            reads.add("/api/stats/breakdown?dimension=" + dimension);
        }
        for (String dataset : List.of("pages", "entryPages", "exitPages", "referrers", "utmSources", "eventNames",
                "languages", "countries")) {
            reads.add("/api/export?dataset=" + dataset);
        }
        return reads;
    }

    private static List<String> namingsOfAlice() {
        return List.of("", "&account=" + alice.id() + "&accountId=" + alice.id() + "&principal=" + alice.id()
                        + "&userId=" + alice.id() + "&tenant=" + alice.id() + "&site=" + alice.id(),
                "&site=" + alice.siteId(),
                "&filter=page:/" + SECRET + "-page");
    }

    private static List<Map<String, String>> headersNamingAlice() {
        return List.of(Map.of(), Map.of("principal", alice.id(), "X-Account-Id", alice.id(), "X-User-Id", alice.id(),
                "X-API-Key", alice.apiKey()));
    }

    /** A request with Mallory's token that also names Alice in every header a service might read. */
    private static HttpRequest.Builder asMallory(Account mallory, String path) {
        return HttpRequest.newBuilder(product.api.uri(path)).header("Authorization", "Bearer " + mallory.accessToken())
                .header("Content-Type", "application/json").header("principal", alice.id())
                .header("X-User-Id", alice.id());
    }

    private static HttpRequest.BodyPublisher body(Map<String, String> json) {
        return HttpRequest.BodyPublishers.ofString(Api.json(json));
    }
}
