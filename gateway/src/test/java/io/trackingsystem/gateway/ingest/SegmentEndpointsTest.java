package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static io.trackingsystem.gateway.ingest.NativeApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What Segment's official libraries send, byte for byte the way they send it. */
class SegmentEndpointsTest {

    private static final String TRACK = "{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"Clicked\"}";

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

    @Test
    void acceptsEveryPathTheOfficialLibrariesPostTo() {
        Map<String, String> calls = Map.of("t", "{\"userId\":\"u\",\"event\":\"Clicked\"}",
                "p", "{\"anonymousId\":\"a\",\"name\":\"Home\"}", "s", "{\"userId\":\"u\",\"name\":\"Cart\"}",
                "i", "{\"userId\":\"u\",\"traits\":{\"plan\":\"pro\"}}",
                "g", "{\"userId\":\"u\",\"groupId\":\"g-1\"}", "a", "{\"userId\":\"u\",\"previousId\":\"a\"}");
        calls.forEach((path, body) -> assertSuccess(post("/v1/" + path, body)));
        for (String path : List.of("/v1/b", "/v1/import", "/v1/import/", "/v1/batch", "/v1/batch/")) {
            assertSuccess(post(path, "{\"batch\":[" + TRACK + "]}"));
        }

        assertThat(gateway.events(account)).extracting(event -> event.get("type").asText())
                .containsExactlyInAnyOrder("track", "page", "screen", "identify", "group", "alias",
                        "track", "track", "track", "track", "track");
    }

    @Test
    void readsTheBodyAsJsonWhateverItsContentTypeSays() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            assertSuccess(post("/v1/batch", "{\"batch\":[" + TRACK + "]}", "Content-Type", type));
        }

        assertThat(gateway.events(account)).hasSize(5);
        assertProblem(gateway.post("/api/events", "eventName=x", "X-API-Key", writeKey,
                "Content-Type", "application/x-www-form-urlencoded"), 400);
    }

    @Test
    void inflatesGzipAndDeflateBodiesWhateverTheirContentType() {
        byte[] batch = ("{\"batch\":[" + TRACK + "]}").getBytes(StandardCharsets.UTF_8);
        assertSuccess(send("/v1/batch", gzip(batch), "Content-Encoding", "gzip",
                "Content-Type", "application/x-www-form-urlencoded"));
        assertSuccess(send("/v1/import/", deflate(batch, false), "Content-Encoding", "deflate"));
        assertSuccess(send("/v1/b", deflate(batch, true), "Content-Encoding", "deflate"));
        assertThat(gateway.send(gateway.request("/api/events").header("X-API-Key", writeKey)
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"eventName\":\"e\"}".getBytes(
                        StandardCharsets.UTF_8))))).statusCode()).isEqualTo(202);

        assertThat(gateway.events(account)).hasSize(4);
    }

    @Test
    void appliesTheSizeLimitsToTheDecompressedBody() {
        String event = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"blob\":\""
                + "x".repeat(20_000) + "\"}}";
        byte[] overLimit = ("{\"batch\":[" + String.join(",", Collections.nCopies(30, event)) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] compressed = gzip(overLimit);
        assertThat(compressed.length).isLessThan(10_000);

        HttpResponse<String> refused = send("/v1/batch", compressed, "Content-Encoding", "gzip");
        assertProblem(refused, 400);
        assertThat(refused.body()).contains("decompresses to more than");
        assertProblem(gateway.send(gateway.request("/api/events").header("X-API-Key", writeKey)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(compressed))), 413);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void refusesAZipBombWith400AndStoresNothing() {
        byte[] bomb = ZipBomb.gzipOfZeros(200L * 1024 * 1024);

        HttpResponse<String> refused = send("/v1/batch", bomb, "Content-Encoding", "gzip");

        assertProblem(refused, 400);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void refusesUnknownEncodingsWith415AndBrokenDataWith400() {
        byte[] batch = ("{\"batch\":[" + TRACK + "]}").getBytes(StandardCharsets.UTF_8);

        assertProblem(send("/v1/batch", batch, "Content-Encoding", "br"), 415);
        assertProblem(send("/v1/batch", batch, "Content-Encoding", "gzip"), 400);
        byte[] truncated = gzip(batch);
        assertProblem(send("/v1/batch", java.util.Arrays.copyOf(truncated, truncated.length / 2),
                "Content-Encoding", "gzip"), 400);
        assertThat(gateway.events(account)).isEmpty();
    }

    @Test
    void takesTheWriteKeyFromTheBodyOrTheBatch() {
        assertSuccess(gateway.post("/v1/batch", "{\"writeKey\":\"" + writeKey + "\",\"batch\":[" + TRACK + "]}"));
        assertSuccess(gateway.post("/v1/b", "{\"batch\":[{\"writeKey\":\"" + writeKey + "\"," + TRACK.substring(1)
                + "]}"));

        assertThat(gateway.events(account)).hasSize(2);
    }

    @Test
    void refusalsCarrySegmentsCodeAndMessage() {
        JsonNode unknownKey = IngestGateway.parse(gateway.post("/v1/track", TRACK,
                "Authorization", IngestGateway.basic(IngestGateway.wellFormedKey())).body());
        JsonNode invalid = IngestGateway.parse(post("/v1/track", "{\"event\":\"no ids\"}").body());
        JsonNode unknownCall = IngestGateway.parse(post("/v1/launch", TRACK).body());
        JsonNode tooLarge = IngestGateway.parse(post("/v1/batch", "x".repeat(1_100_000)).body());

        assertThat(unknownKey.get("code").asText()).isEqualTo("unauthorized");
        assertThat(unknownKey.get("message").asText()).isEqualTo("Unknown API key");
        assertThat(invalid.get("code").asText()).isEqualTo("validation-failed");
        assertThat(invalid.get("message").asText()).isEqualTo("userId or anonymousId is required");
        assertThat(unknownCall.get("code").asText()).isEqualTo("not-found");
        assertThat(tooLarge.get("code").asText()).isEqualTo("payload-too-large");
        assertThat(tooLarge.get("message").asText()).isNotBlank();
    }

    @Test
    void takesThePageFromTheContextOnPageCalls() {
        assertSuccess(post("/v1/p", "{\"anonymousId\":\"a\",\"context\":{\"page\":{\"path\":\"/pricing\","
                + "\"referrer\":\"https://search.example/\",\"title\":\"Pricing\"}}}"));
        assertSuccess(post("/v1/p", "{\"anonymousId\":\"a\",\"properties\":{\"path\":\"/docs\"},"
                + "\"context\":{\"page\":{\"url\":\"https://shop.example/docs?x=1\"}}}"));

        List<JsonNode> events = gateway.events(account);
        assertThat(events.get(0).get("url").asText()).isEqualTo("/pricing");
        assertThat(events.get(0).get("referrer").asText()).isEqualTo("https://search.example/");
        assertThat(events.get(0).get("title").asText()).isEqualTo("Pricing");
        assertThat(events.get(1).get("url").asText()).isEqualTo("https://shop.example/docs?x=1");
    }

    @Test
    void servesSettingsThatPointAnalyticsJsBackAtTheGateway() {
        HttpResponse<String> response = gateway.send(gateway.request("/v1/projects/" + writeKey + "/settings")
                .header("Origin", "https://shop.example").header("X-Forwarded-Proto", "https"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode segment = IngestGateway.parse(response.body()).at("/integrations/Segment.io");
        assertThat(segment.get("apiKey").asText()).isEqualTo(writeKey);
        assertThat(segment.get("apiHost").asText()).isEqualTo("127.0.0.1:" + gateway.port + "/v1");
        // no proxy is trusted here, so a client's claim of https is not believed
        assertThat(segment.get("protocol").asText()).isEqualTo("http");
        assertThat(IngestGateway.parse(response.body()).at("/metrics/sampleRate").asInt()).isZero();
    }

    @Test
    void answersSettingsOfUnknownOrMalformedKeysWith404() {
        for (String key : List.of(IngestGateway.wellFormedKey(), "not-a-key", "tsr_" + writeKey.substring(4))) {
            HttpResponse<String> response = gateway.send(gateway.request("/v1/projects/" + key + "/settings"));
            assertProblem(response, 404);
            assertThat(IngestGateway.parse(response.body()).get("code").asText()).isEqualTo("not-found");
        }
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = gateway.request(path).header("Authorization", IngestGateway.basic(writeKey))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.send(request);
    }

    private HttpResponse<String> send(String path, byte[] body, String... headers) {
        return gateway.send(gateway.request(path).header("Authorization", IngestGateway.basic(writeKey))
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static void assertSuccess(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
    }


    static byte[] gzip(byte[] content) {
        return compressed(content, GZIPOutputStream::new);
    }

    /** zlib-wrapped as HTTP's deflate is, or the raw stream some clients send. */
    private static byte[] deflate(byte[] content, boolean raw) {
        return compressed(content, out -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION,
                raw)));
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compressed(byte[] content, Compressor compressor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = compressor.wrap(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
