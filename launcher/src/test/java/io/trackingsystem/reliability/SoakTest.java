package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steady load at half the measured maximum for {@code soak.minutes} (default 10), with dashboard queries alongside.
 * Run with {@code mvn -pl launcher verify -Dtest=SoakTest -Dsoak=true [-Dsoak.minutes=10]}; the default build skips
 * it. Proves no heap growth trend, a bounded stream lag and Redis memory that grows only by the data stored; the
 * figures it logs are recorded in docs/reliability.md.
 */
@EnabledIfSystemProperty(named = "soak", matches = "true")
class SoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(SoakTest.class);
    private static final Duration DURATION = Duration.ofMinutes(Long.getLong("soak.minutes", 10));
    private static final Duration CALIBRATION = Duration.ofSeconds(20);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);
    /** Processed ingest entries stay until MAXLEN trims them; a small cap lets that part level off early. */
    private static final int INGEST_STREAM_CAP = 100_000;
    /**
     * Raw event, roll-ups, dedupe and session state (about 300 bytes, as docs/data-model.md measures them), plus the
     * event's ingest stream entry (about 250 bytes) until the stream reaches its cap, with room to spare. A leak of
     * any size per request would exceed it.
     */
    private static final long BYTES_PER_EVENT_BUDGET = 700;

    @Test
    void steadyLoadAtHalfTheMaximumShowsNoHeapTrendBoundedLagAndRedisGrowingOnlyByData() throws Exception {
        RedisFixture.flush();
        try (Product product = Product.on(RedisFixture.url(), Map.of("INGEST_MAX_STREAM_LENGTH",
                Integer.toString(INGEST_STREAM_CAP), "INGEST_MAX_BACKLOG", Integer.toString(INGEST_STREAM_CAP / 2)))) {
            product.userService();
            product.trackingService();
            product.gateway();
            Account calibration = product.api.register();
            int maximum = SteadyLoad.measureMaximum(product.api, calibration, CALIBRATION);
            await().atMost(Duration.ofMinutes(5)).until(() -> IngestBacklog.isDrained(RedisFixture.url()));
            int rate = maximum / 2;
            LOG.info("Soak: maximum {} events/s, running {} at {} events/s", maximum, DURATION, rate);

            Account account = product.api.register();
            List<SoakSample> samples = new ArrayList<>();
            SteadyLoad load = SteadyLoad.start(product.api, account, rate);
            try {
                long end = System.currentTimeMillis() + DURATION.toMillis();
                while (System.currentTimeMillis() < end) {
                    TimeUnit.MILLISECONDS.sleep(SAMPLE_EVERY.toMillis());
                    samples.add(SoakSample.take(RedisFixture.url(), load, product.api, account));
                    LOG.info("Soak sample: {}", samples.get(samples.size() - 1));
                }
            } finally {
                load.close();
            }
            LOG.info("Soak answers: {}; ingest latency p50 {} ms, p99 {} ms, max {} ms; query p99 {} ms",
                    load.statuses(), load.ingestLatency(50), load.ingestLatency(99), load.ingestLatency(100),
                    load.queryLatency(99));
            assertThat(load.statuses()).as("every answer").containsOnlyKeys(202, 200);
            await().atMost(Duration.ofMinutes(2)).until(() -> IngestBacklog.isDrained(RedisFixture.url()));
            assertThat(product.api.countedEvents(account)).as("every acknowledged event counted")
                    .isEqualTo(load.accepted());

            SoakSummary summary = SoakSummary.of(samples);
            LOG.info("Soak summary: {}", summary);
            assertThat(summary.heapGrowthLastThirdMegabytes()).as("heap after GC, last third over middle third")
                    .isLessThan(32);
            assertThat(summary.maxLagEntries()).as("stream lag, entries").isLessThan(rate * 10L);
            assertThat(summary.redisBytesPerEventLastThird()).as("Redis growth per event stored, last third")
                    .isLessThan(BYTES_PER_EVENT_BUDGET);
            assertThat(summary.maxIngestStreamLength()).isLessThanOrEqualTo(INGEST_STREAM_CAP + 10_000L);
        }
    }
}
