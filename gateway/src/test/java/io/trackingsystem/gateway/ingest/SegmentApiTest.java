package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.trackingsystem.gateway.ingest.NativeApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class SegmentApiTest {

    private static IngestGateway gateway;
    private String account;
    private String writeKey;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void newAccount() {
        account = "acc-" + UUID.randomUUID();
        writeKey = IngestGateway.keyFor(account);
    }

    private HttpResponse<String> call(String path, String body) {
        return gateway.post(path, body, "Authorization", IngestGateway.basic(writeKey),
                "Content-Type", "application/json");
    }


    @Test
    void storesATrackCallWithItsContextAndTheClockSkewCorrected() {
        Instant clientNow = Instant.now().minusSeconds(3600);
        HttpResponse<String> response = call("/v1/track", """
                {"type":"track","messageId":"msg-1","userId":"u-1","anonymousId":"a-1","event":"Order Completed",
                 "properties":{"revenue":42.5,"currency":"EUR"},
                 "timestamp":"%s","sentAt":"%s",
                 "context":{"page":{"url":"https://shop.example/checkout","referrer":"https://news.example/",
                   "title":"Checkout"},"userAgent":"Mozilla/5.0 (Segment)","ip":"198.51.100.4","locale":"de-DE",
                   "screen":{"width":1280,"height":720},
                   "campaign":{"name":"spring","source":"newsletter","medium":"email","term":"shoes","content":"a"}}}
                """.formatted(clientNow.minusSeconds(5), clientNow));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        JsonNode event = gateway.events(account).get(0);
        long receivedAt = event.get("receivedAt").asLong();
        assertThat(event.get("ts").asLong()).isEqualTo(receivedAt - 5000);
        ((ObjectNode) event).remove(List.of("receivedAt", "ts"));
        assertThat(event).isEqualTo(IngestGateway.parse("""
                {"id":"msg-1","name":"Order Completed","type":"track","props":{"revenue":42.5,"currency":"EUR"},
                 "userId":"u-1","anonymousId":"a-1","url":"https://shop.example/checkout",
                 "referrer":"https://news.example/","title":"Checkout","userAgent":"Mozilla/5.0 (Segment)",
                 "screen":"1280x720","language":"de-DE",
                 "utm":{"source":"newsletter","medium":"email","campaign":"spring","term":"shoes","content":"a"},
                 "country":"AU"}"""));
    }

    @Test
    void storesPageAndScreenCallsAsPageViews() {
        call("/v1/page", """
                {"anonymousId":"a-1","name":"Pricing","properties":{"url":"https://shop.example/pricing",
                 "title":"Pricing","referrer":"https://search.example/","plan":"pro"},
                 "timestamp":"2024-05-01T10:00:00Z"}""");
        call("/v1/screen", "{\"userId\":\"u-1\",\"name\":\"Home\"}");

        List<JsonNode> events = gateway.events(account);
        assertThat(events).extracting(e -> e.get("name").asText()).containsExactly("pageview", "pageview");
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("page", "screen");
        JsonNode page = events.get(0);
        assertThat(page.get("url").asText()).isEqualTo("https://shop.example/pricing");
        assertThat(page.get("title").asText()).isEqualTo("Pricing");
        assertThat(page.get("referrer").asText()).isEqualTo("https://search.example/");
        assertThat(page.get("props").get("name").asText()).isEqualTo("Pricing");
        assertThat(page.get("props").get("plan").asText()).isEqualTo("pro");
        assertThat(page.get("ts").asLong()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
        assertThat(events.get(1).get("props").get("name").asText()).isEqualTo("Home");
    }

    @Test
    void storesIdentifyGroupAndAliasWithTheirIds() {
        call("/v1/identify", "{\"userId\":\"u-1\",\"traits\":{\"email\":\"ann@example.com\",\"plan\":\"pro\"}}");
        call("/v1/group", "{\"userId\":\"u-1\",\"groupId\":\"g-1\",\"traits\":{\"name\":\"ACME\"}}");
        call("/v1/alias", "{\"userId\":\"u-1\",\"previousId\":\"a-1\"}");

        List<JsonNode> events = gateway.events(account);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("identify", "group", "alias");
        assertThat(events).extracting(e -> e.get("name").asText()).containsExactly("identify", "group", "alias");
        assertThat(events.get(0).get("traits").get("email").asText()).isEqualTo("ann@example.com");
        assertThat(events.get(1).get("groupId").asText()).isEqualTo("g-1");
        assertThat(events.get(1).get("traits").get("name").asText()).isEqualTo("ACME");
        assertThat(events.get(2).get("previousId").asText()).isEqualTo("a-1");
        assertThat(events.get(2).get("userId").asText()).isEqualTo("u-1");
    }

    @Test
    void acceptsTheWriteKeyInTheBody() {
        HttpResponse<String> response = gateway.post("/v1/track",
                "{\"writeKey\":\"" + writeKey + "\",\"userId\":\"u-1\",\"event\":\"Clicked\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.events(account)).hasSize(1);
    }

    @Test
    void mergesTheBatchContextIntoEachEventAndCorrectsEachClock() {
        Instant sentAt = Instant.now().plusSeconds(600);
        HttpResponse<String> response = call("/v1/batch", """
                {"sentAt":"%s","context":{"locale":"fr-FR","page":{"url":"https://shop.example/"}},
                 "batch":[
                   {"type":"track","userId":"u-1","event":"A","timestamp":"%s","context":{"page":{"title":"Home"}}},
                   {"type":"page","anonymousId":"a-1","timestamp":"%s","context":{"locale":"en-GB"}},
                   {"type":"identify","userId":"u-1","traits":{"plan":"pro"}}
                 ]}""".formatted(sentAt, sentAt.minusSeconds(30), sentAt.minusSeconds(10)));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = gateway.events(account);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("track", "page", "identify");
        JsonNode track = events.get(0);
        assertThat(track.get("url").asText()).isEqualTo("https://shop.example/");
        assertThat(track.get("title").asText()).isEqualTo("Home");
        assertThat(track.get("language").asText()).isEqualTo("fr-FR");
        assertThat(track.get("ts").asLong()).isEqualTo(track.get("receivedAt").asLong() - 30_000);
        assertThat(events.get(1).get("language").asText()).isEqualTo("en-GB");
        assertThat(events.get(1).get("ts").asLong()).isEqualTo(events.get(1).get("receivedAt").asLong() - 10_000);
        assertThat(events.get(2).get("ts").asLong()).isEqualTo(events.get(2).get("receivedAt").asLong());
    }

    @Test
    void ignoresXForwardedForWithoutTrustedProxies() {
        // an event naming no visitor shows the address it was attributed to in its temporary visitor id
        gateway.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", writeKey, "X-Forwarded-For", "203.0.113.7");

        JsonNode event = gateway.events(account).get(0);
        assertThat(event.get("tempVisitorId").asText()).isEqualTo(gateway.temporaryVisitorId(event, account,
                "127.0.0.1"));
    }

    @Test
    void answers400ForInvalidJson() {
        assertProblem(call("/v1/track", "{\"userId\":"), 400);
        assertProblem(call("/v1/batch", "not json"), 400);
    }

    @Test
    void answers400ForAnEventOver32KB() {
        String event = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"big\",\"properties\":{\"blob\":\""
                + "x".repeat(32 * 1024) + "\"}}";

        assertProblem(call("/v1/track", event), 400);
        assertProblem(call("/v1/batch", "{\"batch\":[" + event + "]}"), 400);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void answers400ForABatchOver500KBAnd413OverTheServerLimit() {
        String event = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"blob\":\""
                + "x".repeat(20_000) + "\"}}";

        assertProblem(call("/v1/batch", "{\"batch\":[" + String.join(",", Collections.nCopies(30, event)) + "]}"),
                400);
        assertProblem(call("/v1/batch", "{\"batch\":[" + String.join(",", Collections.nCopies(60, event)) + "]}"),
                413);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void answers400NamingEachInvalidEvent() {
        HttpResponse<String> response = call("/v1/batch", """
                {"batch":[
                  {"type":"track","userId":"u-1","event":"fine"},
                  {"type":"track","event":"no ids"},
                  {"type":"track","userId":"u-1"},
                  {"type":"group","userId":"u-1"},
                  {"type":"alias","userId":"u-1"},
                  {"type":"launch","userId":"u-1"},
                  {"userId":"u-1"},
                  {"type":"track","userId":"u-1","event":"e","timestamp":"soon","properties":[]}
                ]}""");

        assertProblem(response, 400);
        assertThat(IngestGateway.parse(response.body()).get("errors"))
                .extracting(error -> error.get("field").asText()).containsExactly(
                        "batch[1].userId", "batch[2].event", "batch[3].groupId", "batch[4].previousId",
                        "batch[5].type", "batch[6].type", "batch[7].timestamp", "batch[7].properties");
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void answers400ForABatchWithoutEvents() {
        assertProblem(call("/v1/batch", "{\"batch\":[]}"), 400);
        assertProblem(call("/v1/batch", "{\"sentAt\":\"2024-05-01T10:00:00Z\"}"), 400);
    }

    @Test
    void answers401WithoutAKnownWriteKey() {
        assertProblem(gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}"), 401);
        assertProblem(gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}",
                "Authorization", IngestGateway.basic("unknown-key")), 401);
        assertProblem(gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}",
                "Authorization", IngestGateway.basic(IngestGateway.wellFormedKey())), 401);
        assertProblem(gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}",
                "Authorization", "Basic !!not-base64!!"), 401);
    }

    @Test
    void answers404ForAnUnknownCall() {
        assertProblem(call("/v1/launch", "{\"userId\":\"u\"}"), 404);
    }

    @Test
    void answersCorsPreflights() {
        HttpResponse<String> response = gateway.send(gateway.request("/v1/batch")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://any-site.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void answersMalformedInputWith4xxNeverWith5xx() {
        List<String> bodies = List.of("", "[]", "{\"batch\":5}", "{\"batch\":[null]}", "{\"batch\":[[]]}",
                "{\"batch\":[{\"type\":7,\"userId\":\"u\"}]}", "{\"context\":5,\"batch\":[{\"type\":\"page\"}]}",
                "{\"sentAt\":{},\"batch\":[{\"type\":\"page\",\"userId\":\"u\",\"timestamp\":true}]}",
                "{\"batch\":[{\"type\":\"identify\",\"userId\":\"u\",\"traits\":\"x\"}]}");
        for (String body : bodies) {
            assertThat(call("/v1/batch", body).statusCode()).as(body).isBetween(400, 499);
        }
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void ignoresContextMembersOfUnexpectedTypes() {
        HttpResponse<String> response = call("/v1/track", """
                {"userId":"u-1","event":"e","context":{"page":"home","userAgent":5,"screen":{"width":"wide"},
                 "campaign":["x"],"locale":null,"ip":{}}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = gateway.events(account).get(0);
        assertThat(event.has("url")).isFalse();
        assertThat(event.has("screen")).isFalse();
        assertThat(event.has("utm")).isFalse();
        assertThat(event.has("ip")).isFalse();
        assertThat(event.get("userAgent").asText()).startsWith("Java-http-client");
    }
}
