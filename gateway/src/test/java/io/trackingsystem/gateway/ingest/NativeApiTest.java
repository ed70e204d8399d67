package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.IngestStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NativeApiTest {

    private static IngestGateway gateway;
    private String account;
    private String key;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of("TRUSTED_PROXIES", "1"));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void newAccount() {
        account = "acc-" + UUID.randomUUID();
        key = IngestGateway.keyFor(account);
    }

    @Test
    void storesOneEventInTheCanonicalShapeBeforeAnswering202() {
        long before = System.currentTimeMillis();
        HttpResponse<String> response = gateway.post("/api/events", """
                {"eventName":"Signup","eventTime":1714567890123,"sessionId":"s-1","userId":"u-1",
                 "anonymousId":"a-1","page":"https://shop.example/pricing?utm_source=x",
                 "referrer":"https://google.com/",
                 "context":{"plan":"pro","seats":3},"messageId":"m-1"}""",
                "X-API-Key", key, "Content-Type", "application/json", "User-Agent", "TestAgent/1.0",
                "X-Forwarded-For", "198.51.100.66, 203.0.113.7");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        List<JsonNode> events = gateway.events(account);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("receivedAt").asLong()).isBetween(before, System.currentTimeMillis());
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).remove("receivedAt");
        assertThat(event).isEqualTo(IngestGateway.parse("""
                {"id":"m-1","name":"Signup","type":"track","ts":1714567890123,"props":{"plan":"pro","seats":3},
                 "sessionId":"s-1","userId":"u-1","anonymousId":"a-1","url":"https://shop.example/pricing?utm_source=x",
                 "referrer":"https://google.com/","userAgent":"TestAgent/1.0","country":"AU"}"""));
    }

    @Test
    void believesXForwardedForOnlyAsFarAsTheTrustedProxyWroteIt() {
        gateway.post("/api/events", "{\"eventName\":\"a\"}", "X-API-Key", key,
                "X-Forwarded-For", "10.9.8.7, 198.51.100.66, 203.0.113.7");
        gateway.post("/api/events", "{\"eventName\":\"b\"}", "X-API-Key", key, "X-Forwarded-For", " ");

        List<JsonNode> events = gateway.events(account);
        assertThat(events.get(0).get("tempVisitorId").asText())
                .isEqualTo(gateway.temporaryVisitorId(events.get(0), account, "203.0.113.7"));
        assertThat(events.get(1).get("tempVisitorId").asText())
                .isEqualTo(gateway.temporaryVisitorId(events.get(1), account, "127.0.0.1"));
    }

    @Test
    void takesTheVisitorsBrowserAndAddressFromTheEventWhenAServerNamesThem() {
        String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
        HttpResponse<String> response = gateway.post("/api/events", """
                {"eventName":"Signup","userAgent":"%s","ip":"198.51.100.9"}""".formatted(iphone),
                "X-API-Key", key, "User-Agent", "Python-urllib/3.11", "X-Forwarded-For", "203.0.113.7");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = gateway.events(account).get(0);
        assertThat(event.get("userAgent").asText()).isEqualTo(iphone);
        assertThat(event.get("tempVisitorId").asText())
                .isEqualTo(gateway.temporaryVisitorId(event, account, "198.51.100.9"));
        assertThat(event.has("ip")).isFalse();
        assertThat(event.toString()).doesNotContain("198.51.100.9", "203.0.113.7");
    }

    @Test
    void refusesAnAddressLongerThanAnyIpAddress() {
        HttpResponse<String> response = gateway.post("/api/events", "{\"eventName\":\"e\",\"ip\":\""
                + "1".repeat(65) + "\"}", "X-API-Key", key);

        assertProblem(response, 400);
        assertThat(IngestGateway.parse(response.body()).at("/errors/0/field").asText()).isEqualTo("ip");
    }

    @Test
    void acceptsTheKeyInTheBodyAndPageViewAsTheSeedSdkSendsIt() {
        HttpResponse<String> response = gateway.post("/api/events",
                "{\"apiKey\":\"" + key + "\",\"eventName\":\"PAGE_VIEW\",\"page\":\"/home\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = gateway.events(account).get(0);
        assertThat(event.get("name").asText()).isEqualTo("pageview");
        assertThat(event.get("type").asText()).isEqualTo("page");
        assertThat(event.get("url").asText()).isEqualTo("/home");
        assertThat(UUID.fromString(event.get("id").asText())).isNotNull();
        assertThat(event.get("ts").asLong()).isEqualTo(event.get("receivedAt").asLong());
        assertThat(event.get("tempVisitorId").asText())
                .isEqualTo(gateway.temporaryVisitorId(event, account, "127.0.0.1"));
        assertThat(event.has("ip")).isFalse();
        assertThat(event.get("props").isEmpty()).isTrue();
        assertThat(event.has("apiKey")).isFalse();
    }

    @Test
    void readsIsoEventTimesAndTheTrackerFields() {
        gateway.post("/api/events", """
                {"eventName":"pageview","eventTime":"2024-05-01T12:00:00.250+02:00","title":"Pricing",
                 "screen":"1920x1080","language":"en-US"}""", "X-API-Key", key);

        JsonNode event = gateway.events(account).get(0);
        assertThat(event.get("ts").asLong()).isEqualTo(Instant.parse("2024-05-01T10:00:00.250Z").toEpochMilli());
        assertThat(event.get("type").asText()).isEqualTo("page");
        assertThat(event.get("title").asText()).isEqualTo("Pricing");
        assertThat(event.get("screen").asText()).isEqualTo("1920x1080");
        assertThat(event.get("language").asText()).isEqualTo("en-US");
    }

    @Test
    void appendsEveryEventOfABatchInOrder() {
        HttpResponse<String> response = gateway.post("/api/events", "{\"apiKey\":\"" + key + "\",\"batch\":["
                + "{\"eventName\":\"one\"},{\"eventName\":\"two\"},{\"eventName\":\"three\"}]}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":3}");
        assertThat(gateway.events(account)).extracting(event -> event.get("name").asText())
                .containsExactly("one", "two", "three");
    }

    @Test
    void acceptsTextPlainBodiesAsSendBeaconSendsThem() {
        HttpResponse<String> response = gateway.post("/api/events",
                "{\"apiKey\":\"" + key + "\",\"eventName\":\"beacon\"}", "Content-Type", "text/plain;charset=UTF-8");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(gateway.events(account)).hasSize(1);
    }

    @Test
    void answersCorsPreflightsFromAnyOrigin() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/events")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://any-site.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Content-Type", "X-API-Key"));
    }

    @Test
    void allowsAnyOriginOnAcceptedAndRejectedAnswers() {
        HttpResponse<String> accepted = gateway.post("/api/events", "{\"eventName\":\"x\"}", "X-API-Key", key,
                "Origin", "https://any-site.example");
        HttpResponse<String> rejected = gateway.post("/api/events", "{\"eventName\":\"x\"}",
                "Origin", "https://any-site.example");

        assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void rejectsMalformedJsonWith400() {
        HttpResponse<String> response = gateway.post("/api/events", "{\"eventName\":", "X-API-Key", key);

        assertProblem(response, 400);
        assertThat(IngestGateway.parse(response.body()).get("title").asText()).isEqualTo("Malformed JSON");
    }

    @Test
    void rejectsBodiesThatAreNoJsonObjectWith400() {
        for (String body : List.of("", "[]", "\"event\"", "42", "{} {}", "null")) {
            assertProblem(gateway.post("/api/events", body, "X-API-Key", key), 400);
        }
        assertProblem(gateway.post("/api/events", "eventName=x", "X-API-Key", key,
                "Content-Type", "application/x-www-form-urlencoded"), 400);
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"eventName\"\r\n\r\nx\r\n--b--\r\n";
        assertProblem(gateway.post("/api/events", multipart, "X-API-Key", key,
                "Content-Type", "multipart/form-data; boundary=b"), 400);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void namesEachBadEventByIndexAndFieldAndStoresNoneOfTheBatch() {
        HttpResponse<String> response = gateway.post("/api/events", "{\"batch\":["
                + "{\"eventName\":\"fine\"},"
                + "{\"userId\":\"u-1\"},"
                + "{\"eventName\":\"" + "x".repeat(201) + "\",\"eventTime\":\"yesterday\",\"context\":[1],"
                + "\"page\":\"not a url\",\"userId\":{\"id\":1}},"
                + "\"not an event\"]}", "X-API-Key", key);

        assertProblem(response, 400);
        JsonNode problem = IngestGateway.parse(response.body());
        assertThat(problem.get("title").asText()).isEqualTo("Validation Failed");
        assertThat(problem.get("errors")).extracting(error -> error.get("field").asText()).containsExactly(
                "batch[1].eventName", "batch[2].eventName", "batch[2].eventTime", "batch[2].userId",
                "batch[2].page", "batch[2].context", "batch[3]");
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void rejectsABatchThatIsNoArrayOrEmptyWith400() {
        JsonNode notArray = IngestGateway.parse(gateway.post("/api/events", "{\"batch\":{}}", "X-API-Key", key).body());
        JsonNode empty = IngestGateway.parse(gateway.post("/api/events", "{\"batch\":[]}", "X-API-Key", key).body());

        assertThat(notArray.get("status").asInt()).isEqualTo(400);
        assertThat(notArray.at("/errors/0/field").asText()).isEqualTo("batch");
        assertThat(empty.get("status").asInt()).isEqualTo(400);
        assertThat(empty.at("/errors/0/field").asText()).isEqualTo("batch");
    }

    @Test
    void rejectsRequestsWithoutAKeyWith401() {
        assertProblem(gateway.post("/api/events", "{\"eventName\":\"x\"}"), 401);
        assertProblem(gateway.post("/api/events", "{\"eventName\":\"x\",\"apiKey\":\"  \"}"), 401);
    }

    @Test
    void rejectsUnknownKeysWith401() {
        assertProblem(gateway.post("/api/events", "{\"eventName\":\"x\"}", "X-API-Key",
                IngestGateway.wellFormedKey()), 401);
    }

    @Test
    void refusesAKeyOnceItsRevocationIsBroadcast() {
        assertThat(gateway.post("/api/events", "{\"eventName\":\"x\"}", "X-API-Key", key).statusCode())
                .isEqualTo(202);

        IngestGateway.forget(key);
        gateway.redis().publish(ApiKeyCache.REVOKED_CHANNEL, AccessKeys.digest(key));

        // well before the cache would re-check the key by itself
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertProblem(
                gateway.post("/api/events", "{\"eventName\":\"x\"}", "X-API-Key", key), 401));
    }

    @Test
    void answers503WithRetryAfterWhileKeysCannotBeChecked() {
        HttpResponse<String> response = gateway.post("/api/events", "{\"eventName\":\"x\"}",
                "X-API-Key", IngestGateway.unresolvableKey());

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void rejectsAnEventOver32KBWith413() {
        String event = "{\"eventName\":\"big\",\"context\":{\"blob\":\"" + "x".repeat(32 * 1024) + "\"}}";

        assertProblem(gateway.post("/api/events", event, "X-API-Key", key), 413);
        assertProblem(gateway.post("/api/events", "{\"batch\":[{\"eventName\":\"ok\"}," + event + "]}",
                "X-API-Key", key), 413);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void acceptsAnEventOfExactly32KB() {
        String prefix = "{\"eventName\":\"big\",\"context\":{\"blob\":\"";
        String suffix = "\"}}";
        String event = prefix + "x".repeat(32 * 1024 - prefix.length() - suffix.length()) + suffix;

        assertThat(gateway.post("/api/events", event, "X-API-Key", key).statusCode()).isEqualTo(202);
    }

    @Test
    void rejectsABatchOver500KBWith413() {
        String event = "{\"eventName\":\"e\",\"context\":{\"blob\":\"" + "x".repeat(20_000) + "\"}}";
        String batch = "{\"batch\":[" + String.join(",", java.util.Collections.nCopies(30, event)) + "]}";

        assertThat(batch.length()).isBetween(500 * 1024, 1024 * 1024);
        assertProblem(gateway.post("/api/events", batch, "X-API-Key", key), 413);
    }

    @Test
    void rejectsABatchOfMoreThan500EventsWith413() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            events.add("{\"eventName\":\"e\"}");
        }

        assertProblem(gateway.post("/api/events", "{\"batch\":[" + String.join(",", events) + "]}",
                "X-API-Key", key), 413);
        assertThat(gateway.post("/api/events", "{\"batch\":[" + String.join(",", events.subList(0, 500)) + "]}",
                "X-API-Key", key).body()).isEqualTo("{\"accepted\":500}");
    }

    @Test
    void rejectsBodiesOverTheServerLimitWithAProblem413() {
        HttpResponse<String> response = gateway.post("/api/events", "x".repeat(1_100_000), "X-API-Key", key);

        assertProblem(response, 413);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void answersMalformedInputWith4xxNeverWith5xx() {
        List<String> bodies = List.of("{", "}", "{\"batch\":[{]}", "{\"batch\":[1,2]}", "{\"batch\":null}",
                "{\"eventName\":null}", "{\"eventName\":[]}", "{\"eventName\":\"x\",\"eventTime\":-5}",
                "{\"eventName\":\"x\",\"eventTime\":1e300}",
                "{\"eventName\":\"x\",\"eventTime\":\"99999-01-01T00:00:00Z\"}",
                "{\"eventName\":\"x\",\"eventTime\":123456789012345678901234567890}",
                "{\"eventName\":\"x\",\"screen\":\"big\"}", "{\"eventName\":\"x\",\"page\":\"//evil\"}",
                "{\"eventName\":\"x\",\"context\":\"text\"}", "\u0000", "[".repeat(5000), "{\"a\":".repeat(2000));
        for (String body : bodies) {
            HttpResponse<String> response = gateway.post("/api/events", body, "X-API-Key", key);
            assertThat(response.statusCode()).as(body.length() > 60 ? body.substring(0, 60) : body)
                    .isBetween(400, 499);
        }
        HttpResponse<String> invalidUtf8 = gateway.send(gateway.request("/api/events").header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'})));
        assertProblem(invalidUtf8, 400);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void storesOddButWellFormedTextReplacingOnlyLoneSurrogates() {
        HttpResponse<String> response = gateway.post("/api/events",
                "{\"eventName\":\"\\uD800 \\u0000 \u00e9 \uD83D\uDE00\"}", "X-API-Key", key);

        assertThat(response.statusCode()).isEqualTo(202);
        // a lone surrogate has no UTF-8 encoding: Redis stores a question mark in its place
        assertThat(gateway.events(account).get(0).get("name").asText()).isEqualTo("? \u0000 \u00e9 \uD83D\uDE00");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(IngestGateway.parse(response.body()).get("status").asInt()).isEqualTo(status);
    }
}
