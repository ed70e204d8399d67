package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.ingest.IngestGateway.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events sent through the ingest APIs, as the dashboard's API counts them once the pipeline has run. */
class IngestToStatsTest {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

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
    void eventsServersPostWithHttpLibrariesAreCountedByTheBrowserTheyName() {
        Site site = product.register();

        for (String library : List.of("Python-urllib/3.11", "Java/17.0.2", "curl/8.5.0")) {
            assertAccepted(product.post("/api/events", "{\"eventName\":\"Signup\"}", "X-API-Key", site.writeKey(),
                    "User-Agent", library));
        }
        assertAccepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/app\",\"userAgent\":\""
                + IPHONE + "\"}", "X-API-Key", site.writeKey(), "User-Agent", "Python-urllib/3.11"));
        assertAccepted(product.post("/v1/track", "{\"userId\":\"u-1\",\"event\":\"Signup\",\"context\":"
                + "{\"userAgent\":\"Googlebot/2.1 (+http://www.google.com/bot.html)\"}}",
                "Authorization", IngestGateway.basic(site.writeKey()), "User-Agent", "analytics-java/3.5.4"));

        awaitEvents(site, 4);
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=device"))).containsEntry("mobile", 1);
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=eventName")))
                .containsEntry("Signup", 3).containsEntry("pageview", 1);
    }

    @Test
    void twoLongMessageIdsSharingTheirFirst128CharactersAreTwoEvents() {
        Site site = product.register();
        String shared = "m".repeat(128);

        assertAccepted(product.post("/api/events", "{\"batch\":[{\"eventName\":\"e\",\"anonymousId\":\"a\","
                + "\"messageId\":\"" + shared + "-first\"},{\"eventName\":\"e\",\"anonymousId\":\"a\","
                + "\"messageId\":\"" + shared + "-second\"}]}", "X-API-Key", site.writeKey()));
        assertAccepted(product.post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"s\","
                + "\"messageId\":\"" + "s".repeat(190) + "-1\"},{\"type\":\"track\",\"userId\":\"u\",\"event\":\"s\","
                + "\"messageId\":\"" + "s".repeat(190) + "-2\"}]}",
                "Authorization", IngestGateway.basic(site.writeKey())));

        awaitEvents(site, 4);
    }

    @Test
    void noIpAddressReachesRedis() {
        Site site = product.register();
        List<String> addresses = List.of("198.51.100.23", "8.8.8.8", "81.2.69.142", "2001:db8::77");

        assertAccepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/a\"}",
                "X-API-Key", site.writeKey(), "X-Forwarded-For", "10.0.0.1, " + addresses.get(0)));
        assertAccepted(product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/b\",\"ip\":\""
                + addresses.get(1) + "\"}", "X-API-Key", site.writeKey()));
        assertAccepted(product.post("/v1/page", "{\"anonymousId\":\"a-1\",\"context\":{\"ip\":\"" + addresses.get(2)
                + "\"}}", "Authorization", IngestGateway.basic(site.writeKey())));
        assertAccepted(product.post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"}]}",
                "Authorization", IngestGateway.basic(site.writeKey()), "X-Forwarded-For", addresses.get(3)));

        awaitEvents(site, 4);
        assertThat(product.stats(site, "/api/stats/overview").get("visitors").asInt()).isEqualTo(4);
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=country")))
                .as("the addresses were looked up before they were let go").containsEntry("US", 1).containsEntry("GB", 1);
        List<String> stored = product.everythingStored();
        assertThat(stored).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(addresses));
    }

    @Test
    void theSiteSeesWhatBecameOfItsEventsOverTheLastDay() {
        Site site = product.register();
        Site other = product.register();

        var batch = product.post("/api/events", "{\"batch\":[{\"eventName\":\"e\",\"anonymousId\":\"a\","
                + "\"messageId\":\"m-1\"},{\"eventName\":\"e\",\"anonymousId\":\"a\",\"messageId\":\"m-1\"},"
                + "{\"eventName\":\"e\",\"anonymousId\":\"a\",\"messageId\":\"m-2\"}]}", "X-API-Key", site.writeKey());
        var bot = product.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/\"}", "X-API-Key",
                site.writeKey(), "User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)");

        assertAccepted(batch);
        assertAccepted(bot);
        assertThat(batch.headers().firstValue("X-Dropped")).as("one id repeated within the request").hasValue("1");
        assertThat(bot.headers().firstValue("X-Dropped")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode counts = product.stats(site, "/api/stats/ingest");
            assertThat(counts.get("accepted").asInt()).isEqualTo(4);
            assertThat(counts.get("stored").asInt()).isEqualTo(2);
            assertThat(counts.get("dropped").get("duplicate").asInt()).isEqualTo(1);
            assertThat(counts.get("dropped").get("bot").asInt()).isEqualTo(1);
            assertThat(counts.get("hours")).hasSize(24);
        });
        JsonNode untouched = product.stats(other, "/api/stats/ingest");
        assertThat(untouched.get("accepted").asInt()).isZero();
        assertThat(untouched.get("dropped").get("duplicate").asInt()).isZero();
    }

    private static void awaitEvents(Site site, int events) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(product.stats(site, "/api/stats/overview").get("events").asInt()).isEqualTo(events));
    }

    private static void assertAccepted(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    }

    private static Map<String, Integer> byValue(JsonNode breakdown) {
        return StreamSupport.stream(breakdown.get("rows").spliterator(), false).collect(
                Collectors.toMap(row -> row.get("value").asText(), row -> row.get("events").asInt()));
    }
}
