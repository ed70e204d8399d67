package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.users.UserServiceMain;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The user-service, running as a process of its own, is killed with SIGKILL. Sign-ins answer 503 at once instead of
 * waiting for a reply that cannot come; ingestion goes on, since the gateway reads API keys from Redis itself; dashboards keep
 * answering, since tokens are verified at the gateway and queries go to the tracking-service.
 */
class UserServiceOutageTest {

    /** As fast as a refusal can be on a loaded machine, and well under the request timeout. */
    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void signInAnswers503FastWhileIngestionAndDashboardsCarryOn() {
        RedisFixture.flush();
        try (Product product = Product.on(RedisFixture.url(), Map.of("REQUEST_TIMEOUT_MS",
                Long.toString(REQUEST_TIMEOUT.toMillis())))) {
            ServiceProcess users = product.process(UserServiceMain.class, Map.of());
            product.trackingService();
            product.gateway();
            Api api = product.api;
            Account account = api.register();
            assertThat(api.ingest(account.apiKey(), List.of(event("before"))).status()).isEqualTo(202);

            users.kill();

            await("sign-in is refused fast").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Response login = api.login(account.email());
                assertThat(login.isProblem(503)).as(login.status() + " " + login.body()).isTrue();
                assertThat(login.header("Retry-After")).isNotNull();
                assertThat(login.took()).isLessThan(FAST);
            });
            List<Response> duringOutage = new ArrayList<>();
            long until = System.currentTimeMillis() + 5_000;
            for (int i = 0; System.currentTimeMillis() < until; i++) {
                duringOutage.add(api.ingest(account.apiKey(), List.of(event("during-" + i))));
            }
            Response unknownKey = api.ingest("tsk_" + "u".repeat(32), List.of(event("stranger")));
            Response register = api.post("/api/auth/register", Api.json(Map.of("name", "Bo", "email",
                    "bo@example.com", "password", Api.PASSWORD)), Map.of());

            assertThat(duringOutage).as("ingest with a cached key, across its re-checks").hasSizeGreaterThan(10)
                    .allSatisfy(response -> {
                        assertThat(response.status()).as(response.body()).isEqualTo(202);
                        assertThat(response.took()).isLessThan(FAST);
                    });
            assertThat(unknownKey.isProblem(401)).as("keys are checked in Redis, without the user-service")
                    .isTrue();
            assertThat(register.isProblem(503)).as(register.body()).isTrue();
            assertThat(register.took()).isLessThan(FAST);
            await("stats keep answering").atMost(Duration.ofSeconds(30)).until(() ->
                    api.countedEvents(account) == 1 + duringOutage.size());
            assertThat(api.get("/api/stats/breakdown?dimension=page&" + Api.RECENT, account.accessToken()).status())
                    .isEqualTo(200);

            product.process(UserServiceMain.class, Map.of());
            await("sign-in works again").atMost(Duration.ofSeconds(5))
                    .until(() -> api.login(account.email()).status() == 200);
        }
    }

    private static String event(String id) {
        return "{\"eventName\":\"pageview\",\"page\":\"/outage\",\"anonymousId\":\"v\",\"messageId\":\"" + id
                + "\"}";
    }
}
