package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.trackingsystem.gateway.ingest.IngestGateway.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segment's and RudderStack's official libraries, unchanged and configured only with the gateway's address and a
 * site's write key, each send identify, page and track; the dashboard's API then counts every one of them.
 */
class OfficialLibrariesTest {

    private static IngestGateway product;

    @BeforeAll
    static void startProduct() throws Exception {
        product = IngestGateway.withEveryService(Map.of("BCRYPT_COST", "10", "WORKER_THREADS", "1"));
    }

    @AfterAll
    static void stopProduct() {
        product.close();
    }

    @Test
    void analyticsJsInChromiumGetsEveryCallCounted() throws Exception {
        Site site = product.register();

        JsonNode report = analyticsJs(site, "standard");

        assertThat(report.get("settings").asInt()).isEqualTo(200);
        assertThat(report.get("calls")).extracting(call -> call.get("path").asText())
                .containsExactlyInAnyOrder("/v1/i", "/v1/p", "/v1/t");
        assertCounted(site, "/pricing");
    }

    @Test
    void analyticsJsBatchingInChromiumGetsEveryCallCounted() throws Exception {
        Site site = product.register();

        JsonNode report = analyticsJs(site, "batching");

        assertThat(report.get("calls")).allSatisfy(call -> assertThat(call.get("path").asText()).isEqualTo("/v1/b"));
        assertCounted(site, "/pricing");
    }

    @Test
    void analyticsJavaGetsEveryCallCounted() throws Exception {
        Site site = product.register();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch sent = new CountDownLatch(3);
        Analytics analytics = Analytics.builder(site.writeKey()).endpoint(product.url("")).retries(1)
                .flushQueueSize(3).callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        sent.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                        sent.countDown();
                    }
                }).build();
        try {
            analytics.enqueue(IdentifyMessage.builder().userId("user-1").traits(Map.of("plan", "pro")));
            analytics.enqueue(PageMessage.builder("Pricing").userId("user-1").properties(Map.of(
                    "url", "https://shop.example/pricing", "path", "/pricing", "title", "Pricing")));
            analytics.enqueue(TrackMessage.builder("Order Completed").userId("user-1").properties(Map.of(
                    "plan", "pro", "revenue", 42)));
            analytics.flush();
            assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            analytics.shutdown();
        }

        assertThat(failures).isEmpty();
        assertCounted(site, "/pricing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rudder-sdk-node", "analytics-node"})
    void nodeServerLibraryGetsEveryCallCounted(String library) throws Exception {
        Site site = product.register();

        NodeScript.run(Duration.ofSeconds(60), "server-library.mjs", library, product.url(""), site.writeKey());

        assertCounted(site, "/pricing");
    }

    private static JsonNode analyticsJs(Site site, String mode) throws Exception {
        NodeScript.require(Path.of("/usr/bin/chromium"), "apt-get install -y chromium");
        return IngestGateway.parse(NodeScript.run(Duration.ofSeconds(90), "analytics-js-in-chromium.mjs",
                product.url(""), site.writeKey(), mode));
    }

    /** One visitor's identify, page view of {@code path} and "Order Completed" with plan=pro, each counted once. */
    private static void assertCounted(Site site, String path) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(product.stats(site, "/api/stats/overview").get("events").asInt()).isEqualTo(3));
        JsonNode overview = product.stats(site, "/api/stats/overview");
        assertThat(overview.get("pageviews").asInt()).isEqualTo(1);
        assertThat(overview.get("visitors").asInt()).isEqualTo(1);
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=eventName"), "events"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Order Completed", 1, "pageview", 1, "identify", 1));
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=property:plan"), "events"))
                .containsEntry("pro", 1);
        assertThat(byValue(product.stats(site, "/api/stats/breakdown?dimension=page"), "pageviews"))
                .containsEntry(path, 1);
    }

    private static Map<String, Integer> byValue(JsonNode breakdown, String count) {
        return StreamSupport.stream(breakdown.get("rows").spliterator(), false).collect(
                Collectors.toMap(row -> row.get("value").asText(), row -> row.get(count).asInt()));
    }
}
