package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.testing.RedisClusterFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product on a real Redis Cluster of three primaries, each with a replica, with ingest spread over
 * three partitions: accounts, sign-in, both ingest APIs, statistics, the live stream and key rotation work as on
 * one node, the data spreads over every primary, and a primary's failover during ingest loses nothing
 * acknowledged. The failover runs last, since it changes which nodes are primaries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterTest {

    private static RedisClusterFixture cluster;
    private static Product product;

    @BeforeAll
    static void start() {
        cluster = RedisClusterFixture.get();
        cluster.flush();
        product = Product.on("redis://127.0.0.1:6379", Map.of(
                "REDIS_CLUSTER_NODES", cluster.nodes(),
                "INGEST_PARTITIONS", "3"));
        product.userService();
        product.trackingService();
        product.gateway();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    @Order(1)
    void accountsSignInIngestStatsLiveAndKeyRotationWorkOnTheCluster() {
        Account account = product.api.register();
        assertThat(product.api.login(account.email()).status()).isEqualTo(200);

        try (LiveFrames live = LiveFrames.open(product.api, account.accessToken())) {
            assertThat(product.api.ingest(account.apiKey(), List.of(
                    "{\"eventName\":\"pageview\",\"page\":\"/native\",\"anonymousId\":\"v-1\"}",
                    "{\"eventName\":\"signup\",\"page\":\"/native\",\"anonymousId\":\"v-2\"}")).status())
                    .isEqualTo(202);
            Response segment = product.api.post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"event\":"
                            + "\"segment-checkout\",\"anonymousId\":\"v-3\"}]}",
                    Map.of("Authorization", basic(account.apiKey())));
            assertThat(segment.status()).as(segment.body()).isBetween(200, 299);

            await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(account) == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> live.text().contains("segment-checkout"));
        }
        Response pages = product.api.get("/api/stats/breakdown?dimension=page&" + Api.RECENT,
                account.accessToken());
        assertThat(pages.status()).as(pages.body()).isEqualTo(200);
        assertThat(pages.body()).contains("/native");

        Response rotated = product.api.send(HttpRequest.newBuilder(product.api.uri("/api/me/api-key"))
                .header("Authorization", "Bearer " + account.accessToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().path("apiKey").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                product.api.ingest(account.apiKey(), List.of("{\"eventName\":\"old\"}")).status() == 401);
        assertThat(product.api.ingest(newKey, List.of("{\"eventName\":\"pageview\",\"anonymousId\":\"v-4\"}"))
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(account) == 4);
    }

    @Test
    @Order(2)
    void onlyOneOfManySimultaneousRegistrationsOfAnEmailSucceeds() {
        String email = "same-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        CyclicBarrier together = new CyclicBarrier(8);
        List<CompletableFuture<Integer>> attempts = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    allAtOnce(together);
                    return product.api.post("/api/auth/register", Api.json(Map.of("name", "Ada",
                            "email", i % 2 == 0 ? email : email.toUpperCase(), "password", Api.PASSWORD)),
                            Map.of()).status();
                }))
                .toList();

        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 201).allMatch(status -> status == 409);
    }

    @Test
    @Order(3)
    void sitesIngestStreamsAndSegmentsSpreadOverEveryPrimary() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Account account = product.api.register();
            accounts.add(account);
            assertThat(product.api.ingest(account.apiKey(), List.of(
                    "{\"eventName\":\"pageview\",\"page\":\"/a\",\"anonymousId\":\"v-" + i + "\"}")).status())
                    .isEqualTo(202);
        }
        for (Account account : accounts) {
            await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(account) == 1);
        }

        for (int primary : cluster.primaries()) {
            assertThat(cluster.keysOn(primary)).as("keys on primary " + primary).isPositive();
            assertThat(cluster.cli(primary, "--scan", "--pattern", "ingest:*")).as("an ingest partition on "
                    + primary).contains("ingest:{events");
        }
    }

    @Test
    @Order(4)
    void aPrimaryFailingOverDuringIngestLosesNoAcknowledgedEvent() throws Exception {
        Account account = product.api.register();
        try (Ingestion ingestion = new Ingestion(product.api, account.apiKey())) {
            ingestion.sendContinuously(20, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> ingestion.acknowledgedCount() >= 200);

            int primary = cluster.primaries().get(0);
            cluster.failover(cluster.replicaOf(primary));
            int before = ingestion.acknowledgedCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> ingestion.acknowledgedCount() >= before + 200);
            ingestion.stop();

            int acknowledged = ingestion.acknowledgedCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> product.api.countedEvents(account) >= acknowledged);
            Map<Integer, Integer> stored = Ingestion.stored(product.api, account);
            assertThat(stored.keySet()).containsAll(ingestion.acknowledged);
        }
    }

    private static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static void allAtOnce(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
