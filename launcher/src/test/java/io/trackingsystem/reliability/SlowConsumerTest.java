package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracking-service stops consuming while senders keep going. Once the unprocessed part of the ingest stream
 * passes {@code INGEST_MAX_BACKLOG}, ingest answers 503 with Retry-After and the stream stops growing, however hard
 * clients push; when the consumer is back, the backlog drains and ingest accepts again. The gateway-level limits
 * are tested in the gateway's IngestProtectionTest; this is the same promise with the real consumer group.
 */
class SlowConsumerTest {

    private static final int MAX_BACKLOG = 2_000;
    private static final int BATCH = 100;

    @Test
    void ingestAnswers503OnceTheBacklogPassesItsLimitAndTheStreamStopsGrowing() throws Exception {
        RedisFixture.flush();
        // one site sends here, so it may take the whole backlog: the limit under test is the total
        try (Product product = Product.on(RedisFixture.url(), Map.of("INGEST_MAX_BACKLOG",
                Integer.toString(MAX_BACKLOG), "INGEST_SITE_BACKLOG_PERCENT", "100"))) {
            product.userService();
            CamelService consumer = product.trackingService();
            product.gateway();
            Account account = product.api.register();

            try (Ingestion ingestion = new Ingestion(product.api, account.apiKey())) {
                ingestion.sendAll(BATCH, BATCH, 1).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> product.api.countedEvents(account) == BATCH);
                consumer.close();

                long probed = fillToTheLimit(product.api, account.apiKey());
                ingestion.sendContinuously(BATCH, 2);
                await("the senders are refused").atMost(Duration.ofSeconds(30)).until(() ->
                        ingestion.answers().stream().anyMatch(answer -> answer.status() == 503));
                long lengthAtLimit = IngestBacklog.length(RedisFixture.url());
                List<Response> pushing = pushHard(product.api, account.apiKey(), Duration.ofSeconds(3));
                long lengthAfterPushing = IngestBacklog.length(RedisFixture.url());

                assertThat(pushing).hasSizeGreaterThan(20).allSatisfy(response -> {
                    assertThat(response.isProblem(503)).as(response.body()).isTrue();
                    assertThat(response.header("Retry-After")).isEqualTo("5");
                });
                assertThat(lengthAfterPushing).isEqualTo(lengthAtLimit);
                assertThat(lengthAtLimit).as("about the limit, plus what arrives between two samples")
                        .isBetween((long) MAX_BACKLOG, MAX_BACKLOG + 20L * BATCH);

                product.trackingService();
                long resumedAfter = ingestion.answers().size();
                await("ingest resumes once the backlog drains").atMost(Duration.ofSeconds(60)).until(() ->
                        ingestion.answers().stream().skip(resumedAfter).anyMatch(answer -> answer.status() == 202));
                ingestion.stop();
                await().atMost(Duration.ofSeconds(60)).until(() -> IngestBacklog.isDrained(RedisFixture.url()));
                assertThat(product.api.countedEvents(account)).isEqualTo(ingestion.acknowledgedCount() + probed);
            }
        }
    }

    /**
     * Posts batches one at a time until the backlog limit holds: a refusal, then another after a fresh sample. With
     * nothing else in flight the guard's sample is exact, so a limit it holds then holds for every later request
     * while nothing is processed (an estimate taken with appends in flight may refuse a batch early, and a later
     * sample admit it). Answers the events admitted.
     */
    private static long fillToTheLimit(Api api, String apiKey) throws Exception {
        String batch = floodBatch();
        long admitted = 0;
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            if (api.post("/api/events", batch, Map.of("X-API-Key", apiKey)).status() == 202) {
                admitted += BATCH;
                continue;
            }
            Thread.sleep(300); // three times the age of the gateway's backlog sample
            Response again = api.post("/api/events", batch, Map.of("X-API-Key", apiKey));
            if (again.status() == 202) {
                admitted += BATCH;
            } else if (again.isProblem(503)) {
                return admitted;
            }
        }
        throw new AssertionError("the backlog limit was not reached within 30 s");
    }

    private static String floodBatch() {
        return "{\"batch\":[" + String.join(",", Collections.nCopies(BATCH,
                "{\"eventName\":\"pageview\",\"page\":\"/flood\",\"anonymousId\":\"v\"}")) + "]}";
    }

    /** Four clients that ignore Retry-After and post batches back to back for {@code duration}. */
    private static List<Response> pushHard(Api api, String apiKey, Duration duration) throws Exception {
        String batch = floodBatch();
        long until = System.currentTimeMillis() + duration.toMillis();
        List<Response> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(clients.submit(() -> {
                    while (System.currentTimeMillis() < until) {
                        answers.add(api.post("/api/events", batch, Map.of("X-API-Key", apiKey)));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return answers;
    }
}
