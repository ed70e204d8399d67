package io.trackingsystem.gateway.ingest;

import io.lettuce.core.Consumer;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.trackingsystem.routes.contract.IngestStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.trackingsystem.gateway.ingest.NativeApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The limits that protect the system, on a gateway configured with small ones. */
class IngestProtectionTest {

    private static final int RATE = 5;
    private static final int MAX_BACKLOG = 1000;

    private static IngestGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of("INGEST_RATE_LIMIT_PER_SECOND", String.valueOf(RATE),
                "INGEST_MAX_BACKLOG", String.valueOf(MAX_BACKLOG)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** Each test starts from an empty stream, once the gateway has seen it empty. */
    @BeforeEach
    void emptyStream() {
        gateway.clearStream();
        String probe = IngestGateway.keyFor("acc-probe");
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.post("/api/events", "{\"eventName\":\"probe\"}",
                "X-API-Key", probe).statusCode() == 202);
        gateway.clearStream();
    }

    @Test
    void answers429WithRetryAfterOnceAKeyExceedsItsRate() {
        String key = IngestGateway.keyFor("acc-" + UUID.randomUUID());
        String otherKey = IngestGateway.keyFor("acc-" + UUID.randomUUID());

        assertThat(gateway.post("/api/events", batchOf(4 * RATE), "X-API-Key", key).statusCode()).isEqualTo(202);
        HttpResponse<String> limited = gateway.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", key);
        HttpResponse<String> segment = gateway.post("/v1/track", "{\"writeKey\":\"" + key
                + "\",\"userId\":\"u\",\"event\":\"e\"}");

        assertProblem(limited, 429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 4L));
        assertProblem(segment, 429);
        assertThat(segment.headers().firstValue("Retry-After")).isPresent();
        assertThat(IngestGateway.parse(segment.body()).get("code").asText()).isEqualTo("too-many-requests");
        assertThat(gateway.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", otherKey).statusCode())
                .isEqualTo(202);
    }

    @Test
    void answers503WithRetryAfterWhileTheBacklogIsOverItsLimit() {
        String key = IngestGateway.keyFor("acc-" + UUID.randomUUID());
        fillStream(MAX_BACKLOG + 1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> response = gateway.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", key);
            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        });
        assertProblem(gateway.post("/v1/track", "{\"writeKey\":\"" + key + "\",\"userId\":\"u\",\"event\":\"e\"}"),
                503);

        gateway.clearStream();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.post("/api/events", "{\"eventName\":\"e\"}",
                "X-API-Key", key).statusCode() == 202);
    }

    @Test
    void theBacklogSumsEveryPartitionAndEachSiteWritesToItsOwn() throws Exception {
        try (IngestGateway partitioned = IngestGateway.start(Map.of("INGEST_RATE_LIMIT_PER_SECOND", "0",
                "INGEST_MAX_BACKLOG", String.valueOf(MAX_BACKLOG), "INGEST_PARTITIONS", "3"))) {
            String site = "acc-" + UUID.randomUUID();
            String key = IngestGateway.keyFor(site);
            assertThat(partitioned.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", key).statusCode())
                    .isEqualTo(202);
            assertThat(gateway.redis().xlen(IngestStream.forSite(site, 3))).isEqualTo(1);

            fillStream(IngestStream.partition(1), MAX_BACKLOG / 2 + 1);
            fillStream(IngestStream.partition(2), MAX_BACKLOG / 2 + 1);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertProblem(
                    partitioned.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", key), 503));
            gateway.redis().del(IngestStream.partition(1), IngestStream.partition(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> partitioned.post("/api/events",
                    "{\"eventName\":\"e\"}", "X-API-Key", key).statusCode() == 202);
        }
    }

    @Test
    void aSiteOverItsShareOfTheBacklogIsRefusedWhileOtherSitesGoOn() throws Exception {
        try (IngestGateway unlimited = IngestGateway.start(Map.of("INGEST_RATE_LIMIT_PER_SECOND", "0",
                "INGEST_MAX_BACKLOG", String.valueOf(MAX_BACKLOG)))) {
            String flooder = "acc-" + UUID.randomUUID();
            String floodKey = IngestGateway.keyFor(flooder);
            String otherKey = IngestGateway.keyFor("acc-" + UUID.randomUUID());

            // the default share is half the backlog: 500 of 1000 unprocessed events. Between samples the estimate
            // may run ahead of the stream, so the flood goes on until a refusal holds after a fresh sample.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                HttpResponse<String> response = unlimited.post("/api/events", batchOf(100), "X-API-Key", floodKey);
                assertProblem(response, 503);
                assertThat(response.body()).contains("this site");
                Thread.sleep(2 * Backlog.SAMPLE_MS);
                unlimited.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", otherKey);
                Thread.sleep(2 * Backlog.SAMPLE_MS);
                assertProblem(unlimited.post("/api/events", batchOf(100), "X-API-Key", floodKey), 503);
            });
            int flooded = unlimited.events(flooder).size();

            assertThat(flooded).as("refused at its share, not after filling the backlog").isBetween(500, 600);
            for (int i = 0; i < 5; i++) {
                assertThat(unlimited.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", otherKey)
                        .statusCode()).isEqualTo(202);
                assertProblem(unlimited.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", floodKey), 503);
                Thread.sleep(Backlog.SAMPLE_MS);
            }
            assertThat(unlimited.events(flooder)).hasSize(flooded);
        }
    }

    @Test
    void countsOnlyTheEntriesTheConsumerGroupHasNotProcessed() {
        String key = IngestGateway.keyFor("acc-" + UUID.randomUUID());
        fillStream(MAX_BACKLOG + 1);
        var commands = gateway.redis();
        commands.xgroupCreate(XReadArgs.StreamOffset.from(IngestStream.KEY, "0"), "tracking");
        List<StreamMessage<String, String>> read = commands.xreadgroup(Consumer.from("tracking", "worker"),
                XReadArgs.Builder.count(MAX_BACKLOG + 1), XReadArgs.StreamOffset.lastConsumed(IngestStream.KEY));
        commands.xack(IngestStream.KEY, "tracking", read.stream().map(StreamMessage::getId).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.post("/api/events", "{\"eventName\":\"e\"}",
                "X-API-Key", key).statusCode() == 202);

        fillStream(MAX_BACKLOG + 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertProblem(
                gateway.post("/api/events", "{\"eventName\":\"e\"}", "X-API-Key", key), 503));
    }

    @Test
    void trimsTheStreamToAboutItsMaximumLength() throws Exception {
        int maxLength = 50;
        try (IngestGateway trimming = IngestGateway.start(Map.of("INGEST_MAX_STREAM_LENGTH",
                String.valueOf(maxLength), "INGEST_MAX_BACKLOG", String.valueOf(maxLength / 2)))) {
            String key = IngestGateway.keyFor("acc-" + UUID.randomUUID());
            var commands = trimming.redis();
            commands.xgroupCreate(XReadArgs.StreamOffset.from(IngestStream.KEY, "0"), "tracking",
                    XGroupCreateArgs.Builder.mkstream());
            // a consumer that keeps up, and a sender that retries what the backlog guard refused in the meantime
            AtomicInteger accepted = new AtomicInteger();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (trimming.post("/api/events", batchOf(100), "X-API-Key", key).statusCode() == 202) {
                    accepted.incrementAndGet();
                }
                List<StreamMessage<String, String>> read = commands.xreadgroup(Consumer.from("tracking", "worker"),
                        XReadArgs.Builder.count(1000), XReadArgs.StreamOffset.lastConsumed(IngestStream.KEY));
                if (!read.isEmpty()) {
                    commands.xack(IngestStream.KEY, "tracking", read.stream().map(StreamMessage::getId)
                            .toArray(String[]::new));
                }
                return accepted.get() >= 6;
            });

            // trimming with ~ drops whole stream nodes of 100 entries, never below the maximum
            assertThat(commands.xlen(IngestStream.KEY)).isBetween((long) maxLength, 250L);
        }
    }

    /** Appends entries the way a flood of earlier requests would have. */
    private static void fillStream(int entries) {
        fillStream(IngestStream.KEY, entries);
    }

    private static void fillStream(String stream, int entries) {
        RedisAsyncCommands<String, String> redis = gateway.redis().getStatefulConnection().async();
        List<RedisFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            writes.add(redis.xadd(stream, IngestStream.SITE, "acc-other", IngestStream.EVENT, "{}"));
        }
        assertThat(LettuceFutures.awaitAll(Duration.ofSeconds(10), writes.toArray(RedisFuture[]::new))).isTrue();
    }

    private static String batchOf(int events) {
        return "{\"batch\":[" + String.join(",", Collections.nCopies(events, "{\"eventName\":\"e\"}")) + "]}";
    }
}
