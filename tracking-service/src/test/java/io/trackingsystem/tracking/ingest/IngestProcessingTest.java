package io.trackingsystem.tracking.ingest;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.DropReason;
import io.trackingsystem.tracking.storage.SiteKeys;
import io.trackingsystem.tracking.storage.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IngestProcessingTest {

    private static final String ACCOUNT = "acc-ingest";

    private static Redis redis;
    private static RedisClusterCommands<String, String> sync;
    private IngestWriter writer;
    private ServiceHarness harness;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        sync = redis.dedicated().sync();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void setUp() {
        RedisFixture.flush();
        writer = new IngestWriter(redis);
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start(Map<String, String> env) throws Exception {
        harness = ServiceHarness.start(env);
    }

    /** Events the site has stored. */
    private long events() {
        return Snapshot.storedEvents(redis, ACCOUNT);
    }

    @Test
    void storesEventsAppendedToTheIngestStreamAndAcknowledgesThem() throws Exception {
        start(Map.of());
        long now = System.currentTimeMillis();
        writer.append(ACCOUNT, pageview("v1", "https://example.com/", now).json());
        writer.append(ACCOUNT, TestEvents.track("v1", "signup", now).json());

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().stored() == 2);
        assertThat(events()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.pending() == 0);
    }

    @Test
    void duplicateMessageIdIsCountedOnce() throws Exception {
        start(Map.of());
        long now = System.currentTimeMillis();
        TestEvents event = pageview("v1", "https://example.com/", now);
        writer.append(ACCOUNT, event.json());
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().stored() == 1);

        writer.append(ACCOUNT, event.json());
        writer.append(ACCOUNT, event.set("receivedAt", now + 1000).json());

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().dropped(DropReason.DUPLICATE) == 2);
        assertThat(events()).isEqualTo(1);
        assertThat(harness.metrics().stored()).isEqualTo(1);
    }

    @Test
    void botUserAgentIsDroppedAndCountedInTheMetrics() throws Exception {
        int managementPort = RedisFixture.freePort();
        start(Map.of("MANAGEMENT_PORT", Integer.toString(managementPort)));
        long now = System.currentTimeMillis();
        writer.append(ACCOUNT, pageview("crawler", "https://example.com/", now).set("userAgent", TestEvents.GOOGLEBOT)
                .json());
        writer.append(ACCOUNT, pageview("monitor", "https://example.com/", now).set("userAgent", "UptimeRobot/2.0").json());
        writer.append(ACCOUNT, pageview("person", "https://example.com/", now).json());

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().dropped(DropReason.BOT) == 2
                && harness.metrics().stored() == 1);
        assertThat(events()).isEqualTo(1);
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern("tracking_events_dropped_total\\{[^}]*reason=\"bot\"[^}]*} 2\\.0")
                .containsPattern("tracking_events_stored_total(\\{[^}]*})? 1\\.0")
                .containsPattern("tracking_ingest_lag\\{[^}]*partition=\"ingest:\\{events}\"[^}]*} ");
    }

    @Test
    void malformedEntriesAreDroppedAndCountedWithoutStoppingTheWorker() throws Exception {
        start(Map.of());
        long now = System.currentTimeMillis();
        writer.appendRaw(Map.of(IngestStream.EVENT, pageview("v1", "https://example.com/", now).json()));
        writer.appendRaw(Map.of(IngestStream.SITE, "{t:evil}", IngestStream.EVENT,
                pageview("v1", "https://example.com/", now).json()));
        writer.append(ACCOUNT, "{not json");
        writer.append(ACCOUNT, "[1,2,3]");
        writer.append(ACCOUNT, "{\"name\":\"pageview\",\"ts\":1}");
        writer.append(ACCOUNT, "x".repeat(70_000));
        writer.append(ACCOUNT, "{\"id\":\"odd-types\",\"name\":\"pageview\",\"type\":\"page\",\"ts\":\"yesterday\","
                + "\"url\":42,\"props\":[1,2],\"utm\":\"spam\",\"screen\":\"huge\",\"userId\":{\"a\":1},"
                + "\"referrer\":\"" + "r".repeat(5000) + "\"}");
        writer.append(ACCOUNT, pageview("v2", "https://example.com/after", now).json());

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().stored() == 2);
        assertThat(harness.metrics().dropped(DropReason.MALFORMED)).isEqualTo(6);
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.pending() == 0);
    }

    @Test
    void poisonEntryMovesToTheDeadLetterStreamAfterTheMaximumAttempts() throws Exception {
        String broken = "acc-broken";
        sync.set(SiteKeys.of(broken).pending(), "corrupt");
        start(Map.of("CLAIM_IDLE_MS", "200", "MAX_DELIVERY_ATTEMPTS", "3"));
        long now = System.currentTimeMillis();
        TestEvents poison = pageview("v1", "https://example.com/", now);
        writer.append(broken, poison.json());
        writer.append(ACCOUNT, pageview("v2", "https://example.com/", now).json());

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.metrics().deadLettered() == 1);
        assertThat(harness.metrics().stored()).isEqualTo(1);
        assertThat(events()).isEqualTo(1);
        List<StreamMessage<String, String>> dead = sync.xrange(IngestStream.DEAD_LETTERS, Range.create("-", "+"));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).getBody()).containsEntry(IngestStream.SITE, broken)
                .containsEntry(IngestStream.EVENT, poison.json()).containsEntry("attempts", "3");
        assertThat(harness.metrics().failed()).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.pending() == 0);
    }

    @Test
    void everyPartitionIsReadAndEachDeadLettersBesideItsStream() throws Exception {
        String broken = siteOnPartition(2, "broken-");
        String healthy = siteOnPartition(1, "healthy-");
        sync.set(SiteKeys.of(broken).pending(), "corrupt");
        start(Map.of("INGEST_PARTITIONS", "3", "CLAIM_IDLE_MS", "200", "MAX_DELIVERY_ATTEMPTS", "2"));
        long now = System.currentTimeMillis();
        sync.xadd(IngestStream.partition(2), Map.of(IngestStream.SITE, broken,
                IngestStream.EVENT, pageview("v1", "https://example.com/", now).json()));
        sync.xadd(IngestStream.partition(1), Map.of(IngestStream.SITE, healthy,
                IngestStream.EVENT, pageview("v2", "https://example.com/", now).json()));
        writer.append(ACCOUNT, pageview("v3", "https://example.com/", now).json());

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.metrics().deadLettered() == 1
                && harness.metrics().stored() == 2);
        assertThat(Snapshot.storedEvents(redis, healthy)).isEqualTo(1);
        assertThat(sync.xrange(IngestStream.deadLetters(IngestStream.partition(2)), Range.create("-", "+")))
                .singleElement().satisfies(entry -> assertThat(entry.getBody()).containsEntry(IngestStream.SITE, broken));
        assertThat(sync.exists(IngestStream.DEAD_LETTERS)).isZero();
    }

    /** A site name whose events go to {@code partition} of three. */
    private static String siteOnPartition(int partition, String prefix) {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> prefix + i)
                .filter(site -> IngestStream.forSite(site, 3).equals(IngestStream.partition(partition)))
                .findFirst().orElseThrow();
    }

    @Test
    void pendingEntriesOfADeadConsumerAreTakenOver() throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10; i++) {
            writer.append(ACCOUNT, pageview("v" + i, "https://example.com/", now).json());
        }
        sync.xgroupCreate(XReadArgs.StreamOffset.from(IngestStream.KEY, "0"), IngestStream.GROUP,
                XGroupCreateArgs.Builder.mkstream());
        List<StreamMessage<String, String>> taken = sync.xreadgroup(Consumer.from(IngestStream.GROUP, "died"),
                XReadArgs.Builder.count(10), XReadArgs.StreamOffset.lastConsumed(IngestStream.KEY));
        assertThat(taken).hasSize(10);

        start(Map.of("CLAIM_IDLE_MS", "300"));

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.metrics().stored() == 10);
        assertThat(events()).isEqualTo(10);
        assertThat(harness.metrics().reclaimed()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.pending() == 0);
    }

    @Test
    void storedEventsArePublishedOnTheSitesLiveChannel() throws Exception {
        start(Map.of());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> subscription = redis.pubSub()) {
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(message);
                }
            });
            subscription.sync().subscribe(SiteKeys.of(ACCOUNT).liveChannel());
            writer.append(ACCOUNT, TestEvents.track("v1", "signup", System.currentTimeMillis())
                    .props(Map.of("plan", "pro")).json());

            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull().startsWith("[").contains("\"name\":\"signup\"")
                    .contains("\"visitorId\":\"v1\"").contains("\"plan\":\"pro\"").doesNotContain("userAgent");
        }
    }
}
