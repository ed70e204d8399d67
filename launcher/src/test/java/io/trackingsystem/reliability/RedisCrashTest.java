package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.reliability.Ingestion.Answer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis, persisting with {@code appendonly yes} and {@code appendfsync always}, is killed with SIGKILL while events
 * stream in, and started again on the same port. While it is down every answer is a 503 with Retry-After, within
 * the request timeout; afterwards the services reconnect by themselves, and every event acknowledged before,
 * during or after the crash is counted exactly once.
 */
class RedisCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCrashTest.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Room for a loaded CI machine on top of the request timeout. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @Test
    void answers503WhileRedisIsDownRecoversByItselfAndKeepsEveryAcknowledgedEvent() throws Exception {
        try (CrashableRedis redis = CrashableRedis.start("always");
             Product product = Product.on(redis.url(), Map.of("REQUEST_TIMEOUT_MS",
                     Long.toString(REQUEST_TIMEOUT.toMillis()), "CLAIM_IDLE_MS", "1000"))) {
            product.userService();
            product.trackingService();
            product.gateway();
            Account account = product.api.register();

            List<Response> duringOutage = new ArrayList<>();
            try (Ingestion ingestion = new Ingestion(product.api, account.apiKey())) {
                ingestion.sendContinuously(20, 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> ingestion.acknowledgedCount() >= 2_000);

                redis.crash();
                long crashedAt = System.currentTimeMillis();
                await("Redis stays down for 5 s").pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                        .until(() -> answeredSince(ingestion, crashedAt, 503) >= 4);
                duringOutage.add(product.api.login(account.email()));
                duringOutage.add(product.api.get("/api/stats/overview?" + Api.RECENT, account.accessToken()));
                duringOutage.add(product.api.get("/api/me", account.accessToken()));
                duringOutage.add(product.api.post("/v1/track", "{\"writeKey\":\"" + account.apiKey()
                        + "\",\"userId\":\"u\",\"event\":\"e\"}", Map.of()));

                redis.restart();
                long restartedAt = System.currentTimeMillis();
                await("ingest recovers by itself").atMost(Duration.ofSeconds(3))
                        .until(() -> answeredSince(ingestion, restartedAt, 202) > 0);
                LOG.info("Redis was down {} ms; ingest answered 202 again {} ms after it restarted",
                        restartedAt - crashedAt, ingestion.answers().stream()
                                .filter(a -> a.atMillis() > restartedAt && a.status() == 202)
                                .mapToLong(Answer::atMillis).min().orElseThrow() - restartedAt);
                int acknowledgedAfter = ingestion.acknowledgedCount() + 1_000;
                await().atMost(Duration.ofSeconds(30)).until(() -> ingestion.acknowledgedCount() >= acknowledgedAfter);
                ingestion.stop();

                assertThat(duringOutage).allSatisfy(response -> {
                    assertThat(response.status()).as(response.body()).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isNotNull();
                });
                assertThat(ingestion.answers()).as("answers other than 202, or 503 with Retry-After")
                        .filteredOn(answer -> answer.status() != 202
                                && (answer.status() != 503 || answer.retryAfter() == null))
                        .isEmpty();
                assertThat(ingestion.answers()).as("answers slower than the request timeout")
                        .filteredOn(answer -> answer.took().compareTo(REQUEST_TIMEOUT.plus(MARGIN)) > 0)
                        .isEmpty();
                // Services announce themselves every second; until the user-service and the tracking-service have
                // done so after the restart, sign-in and queries still fail fast with 503, as while Redis was down.
                await("sign-in recovers by itself").atMost(Duration.ofSeconds(10))
                        .until(() -> product.api.login(account.email()).status() == 200);
                await("queries recover by themselves").atMost(Duration.ofSeconds(10))
                        .until(() -> product.api.get("/api/stats/overview?" + Api.RECENT, account.accessToken())
                                .status() == 200);

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> IngestBacklog.isDrained(redis.url()));
                // presence can still flap for a moment after the restart: a 503 with Retry-After is asked again
                await("the export answers").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                        .until(() -> product.api.get("/api/export?dataset=events&" + Api.RECENT,
                                account.accessToken()).status() == 200);
                Map<Integer, Integer> stored = Ingestion.stored(product.api, account);
                LOG.info("{} events acknowledged, {} stored", ingestion.acknowledgedCount(), stored.size());
                assertThat(stored).containsKeys(ingestion.acknowledged.toArray(Integer[]::new));
                assertThat(stored.values()).allMatch(times -> times == 1);
                assertThat(product.api.countedEvents(account)).isEqualTo(stored.size());
            }
        }
    }

    private static long answeredSince(Ingestion ingestion, long since, int status) {
        return ingestion.answers().stream().filter(answer -> answer.atMillis() > since && answer.status() == status)
                .count();
    }
}
