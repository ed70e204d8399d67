package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.ingest.IngestGateway.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Countries of visitors' addresses, looked up by the gateway in the bundled database, as the Analytics API counts
 * and filters them: real HTTP in, real pipeline, real Redis.
 */
class LocationsTest {

    private static IngestGateway product;

    @BeforeAll
    static void startProduct() throws Exception {
        product = IngestGateway.withEveryService(Map.of("BCRYPT_COST", "10", "WORKER_THREADS", "1",
                "TRUSTED_PROXIES", "1"));
    }

    @AfterAll
    static void stopProduct() {
        product.close();
    }

    @Test
    void segmentEventsNamingTheirVisitorsAddressesAreCountedByCountryAndFilteredByIt() {
        Site site = product.register();

        accepted(product.post("/v1/page", "{\"anonymousId\":\"us-1\",\"properties\":{\"url\":\"https://shop.example/\"},"
                + "\"context\":{\"ip\":\"8.8.8.8\"}}", "Authorization", IngestGateway.basic(site.writeKey())));
        accepted(product.post("/v1/batch", "{\"batch\":[{\"type\":\"page\",\"anonymousId\":\"gb-1\","
                + "\"context\":{\"ip\":\"81.2.69.142\"}},{\"type\":\"track\",\"event\":\"Signup\","
                + "\"anonymousId\":\"gb-1\",\"context\":{\"ip\":\"81.2.69.142\"}}]}",
                "Authorization", IngestGateway.basic(site.writeKey())));

        awaitEvents(site, 3);
        assertThat(visitorsBy(product.stats(site, "/api/stats/breakdown?dimension=country")))
                .isEqualTo(Map.of("US", 1, "GB", 1));
        JsonNode british = product.stats(site, "/api/stats/overview?filter=" + encode("country:GB"));
        assertThat(british.get("visitors").asInt()).isEqualTo(1);
        assertThat(british.get("events").asInt()).isEqualTo(2);
        JsonNode listed = product.stats(site, "/api/events?filter=" + encode("country:US"));
        assertThat(listed.get("events")).singleElement()
                .satisfies(event -> assertThat(event.get("country").asText()).isEqualTo("US"));
    }

    @Test
    void nativeEventsUseTheirIpFieldElseTheClientAddress() {
        Site site = product.register();

        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/a\",\"anonymousId\":\"a\","
                + "\"ip\":\"81.2.69.142\"}", "X-API-Key", site.writeKey(), "X-Forwarded-For", "8.8.8.8"));
        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/b\",\"anonymousId\":\"b\"}",
                "X-API-Key", site.writeKey(), "X-Forwarded-For", "203.0.113.5, 8.8.8.8"));

        awaitEvents(site, 2);
        assertThat(visitorsBy(product.stats(site, "/api/stats/breakdown?dimension=country")))
                .isEqualTo(Map.of("US", 1, "GB", 1));
    }

    @Test
    void aTrustedProxysCountryHeaderSpeaksForTheRequestsOwnClientOnly() {
        Site site = product.register();

        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"anonymousId\":\"de\"}",
                "X-API-Key", site.writeKey(), "X-Forwarded-For", "8.8.8.8", "CF-IPCountry", "DE"));
        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"anonymousId\":\"gb\","
                + "\"ip\":\"81.2.69.142\"}", "X-API-Key", site.writeKey(), "CF-IPCountry", "DE"));
        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"anonymousId\":\"us\"}",
                "X-API-Key", site.writeKey(), "X-Forwarded-For", "8.8.8.8", "CF-IPCountry", "XX"));

        awaitEvents(site, 3);
        assertThat(visitorsBy(product.stats(site, "/api/stats/breakdown?dimension=country")))
                .isEqualTo(Map.of("DE", 1, "GB", 1, "US", 1));
    }

    @Test
    void aMalformedOrPrivateAddressSimplyGivesNoCountry() {
        Site site = product.register();

        accepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"anonymousId\":\"x\",\"ip\":\"not-an-ip\"}",
                "X-API-Key", site.writeKey()));
        accepted(product.post("/v1/track", "{\"userId\":\"y\",\"event\":\"e\",\"context\":{\"ip\":\"10.0.0.7\"}}",
                "Authorization", IngestGateway.basic(site.writeKey())));
        accepted(product.post("/v1/track", "{\"userId\":\"z\",\"event\":\"e\",\"context\":{\"ip\":\"8.8.8.8\"}}",
                "Authorization", IngestGateway.basic(site.writeKey())));

        awaitEvents(site, 3);
        assertThat(visitorsBy(product.stats(site, "/api/stats/breakdown?dimension=country")))
                .doesNotContainKeys("not-an-ip", "10.0.0.7").containsEntry("US", 1);
    }

    private static void awaitEvents(Site site, int events) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(product.stats(site, "/api/stats/overview").get("events").asInt()).isEqualTo(events));
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    }

    /** The breakdown's visitors by value, leaving out events without a value. */
    private static Map<String, Integer> visitorsBy(JsonNode breakdown) {
        return StreamSupport.stream(breakdown.get("rows").spliterator(), false)
                .filter(row -> !row.get("value").asText().isEmpty())
                .collect(Collectors.toMap(row -> row.get("value").asText(), row -> row.get("visitors").asInt()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
