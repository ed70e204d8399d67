package io.trackingsystem.tracking.ingest;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingServiceMain;
import io.trackingsystem.tracking.pipeline.DropReason;
import io.trackingsystem.tracking.storage.Snapshot;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a tracking-service process (SIGKILL, no shutdown hook) in the middle of a 100,000-event ingest, restarts
 * the service, and checks that every event is counted exactly once: in the hourly totals, the raw streams and the
 * dedupe record.
 */
class CrashRecoveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int EVENTS = 100_000;
    private static final String ACCOUNT = "acc-crash";

    @Test
    void killedMidIngestCountsEveryEventExactlyOnceAfterRestart() throws Exception {
        RedisFixture.flush();
        long now = System.currentTimeMillis();
        long hourAgo = now - 3_600_000L;
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            RedisClusterCommands<String, String> sync = redis.dedicated().sync();
            List<String> events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(TestEvents.pageview("visitor-" + (i % 5000), "https://example.com/p/" + (i % 50),
                        hourAgo + i % 3_000_000).json());
            }
            new IngestWriter(redis).appendAll(ACCOUNT, events);

            Process process = startServiceProcess();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> stored(redis) >= EVENTS / 4);
            } finally {
                process.destroyForcibly().waitFor();
            }
            long beforeRestart = stored(redis);
            long pendingAtCrash = sync.xpending(IngestStream.KEY,
                    IngestStream.GROUP).getCount();
            LOG.info("Killed after {} events counted, {} entries pending", beforeRestart, pendingAtCrash);
            assertThat(beforeRestart).isBetween(1L, EVENTS - 1L);

            try (ServiceHarness restarted = ServiceHarness.start(Map.of("INSTANCE_ID", "after-crash",
                    "CLAIM_IDLE_MS", "1000"))) {
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                        .until(() -> stored(redis) >= EVENTS && restarted.pending() == 0);
                assertThat(stored(redis)).isEqualTo(EVENTS);
                assertThat(stored(redis)).isEqualTo(EVENTS);
                assertThat(restarted.metrics().stored()).isEqualTo(EVENTS - beforeRestart);
                LOG.info("After restart: {}", restarted.metrics().snapshot());
                assertThat(restarted.metrics().stored() + restarted.metrics().dropped(DropReason.DUPLICATE))
                        .isGreaterThanOrEqualTo(EVENTS - beforeRestart);
            }
        }
    }

    /** Every event the site has stored. */
    private static long stored(Redis redis) {
        return Snapshot.storedEvents(redis, ACCOUNT);
    }

    private static Process startServiceProcess() throws Exception {
        Path log = Files.createTempFile("tracking-service-crash", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                TrackingServiceMain.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("REDIS_URL", RedisFixture.url(), "MANAGEMENT_PORT", "0",
                "INSTANCE_ID", "before-crash"));
        LOG.info("Starting a tracking-service process, log in {}", log);
        return builder.start();
    }
}
