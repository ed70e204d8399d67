package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TrackingServiceMain;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracking-service, running as a process of its own, is killed with SIGKILL in the middle of a 100,000-event
 * ingest through the gateway, and started again. Every event the gateway acknowledged is counted exactly once: in
 * the dashboard's totals and among the raw events.
 */
class TrackingServiceCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingServiceCrashTest.class);
    private static final int EVENTS = 100_000;
    private static final int BATCH = 500;

    @Test
    void everyAcknowledgedEventIsCountedExactlyOnceAfterTheTrackingServiceIsKilledMidIngest() throws Exception {
        RedisFixture.flush();
        // the export of 100,000 raw events may take long on a busy machine; what is tested is the count
        try (Product product = Product.on(RedisFixture.url(), Map.of("STATS_TIMEOUT_MS", "120000"))) {
            product.userService();
            product.gateway();
            ServiceProcess tracking = product.process(TrackingServiceMain.class, Map.of("INSTANCE_ID", "doomed"));
            Account account = product.api.register();

            try (Ingestion ingestion = new Ingestion(product.api, account.apiKey())) {
                ingestion.sendAll(EVENTS / 2, BATCH, 2).get(120, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> product.api.countedEvents(account) >= 5_000);

                Future<?> secondHalf = ingestion.sendAll(EVENTS / 2, BATCH, 2);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> ingestion.acknowledgedCount() >= EVENTS / 2 + 10_000);
                long countedBeforeCrash = product.api.countedEvents(account);
                tracking.kill();
                int acknowledgedAtCrash = ingestion.acknowledgedCount();
                LOG.info("Killed the tracking-service with {} events acknowledged, at least {} counted",
                        acknowledgedAtCrash, countedBeforeCrash);
                assertThat(acknowledgedAtCrash).as("the ingest was still running").isLessThan(EVENTS);

                product.process(TrackingServiceMain.class, Map.of("INSTANCE_ID", "successor", "CLAIM_IDLE_MS",
                        "1000"));
                secondHalf.get(120, TimeUnit.SECONDS);
                assertThat(ingestion.acknowledgedCount()).isEqualTo(EVENTS);
                assertThat(ingestion.answers()).allSatisfy(answer -> assertThat(answer.status())
                        .as("the gateway never depends on the tracking-service").isEqualTo(202));

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .until(() -> product.api.countedEvents(account) >= EVENTS);
                await().atMost(Duration.ofSeconds(30)).until(() -> IngestBacklog.isDrained(RedisFixture.url()));
                assertThat(product.api.countedEvents(account)).isEqualTo(EVENTS);

                Map<Integer, Integer> stored = Ingestion.stored(product.api, account);
                assertThat(stored).hasSize(EVENTS).containsOnlyKeys(ingestion.acknowledged);
                assertThat(stored.values()).allMatch(times -> times == 1);
            }
        }
    }
}
