package io.trackingsystem.users.users;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    private Redis redis;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void refusesOnceTheLimitIsReachedUntilTheWindowCloses() {
        LoginThrottle throttle = throttle(3, 100, 100);
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.begin("a@example.com", "10.0.0.1")).doesNotThrowAnyException();
        }

        assertThatThrownBy(() -> throttle.begin("A@Example.com ", "10.0.0.1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat((long) e.problem().extensions().get("retryAfter")).isBetween(1L, 2L);
                });
        assertThatCode(() -> throttle.begin("a@example.com", "10.0.0.2")).doesNotThrowAnyException();
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThatCode(() -> throttle.begin("a@example.com", "10.0.0.1")).doesNotThrowAnyException());
    }

    @Test
    void aSuccessStartsTheCountAfresh() {
        LoginThrottle throttle = throttle(3, 100, 100);
        throttle.begin("b@example.com", "10.0.0.1");
        throttle.begin("b@example.com", "10.0.0.1");

        throttle.begin("b@example.com", "10.0.0.1").succeeded();
        throttle.begin("b@example.com", "10.0.0.1");
        throttle.begin("b@example.com", "10.0.0.1");

        assertThatCode(() -> throttle.begin("b@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    /** Each attempt holds its place while its password is checked, so none can pass a check the others made. */
    @Test
    void thirtyConcurrentAttemptsNeverExceedTheLimit() throws Exception {
        LoginThrottle throttle = throttle(10, 100, 100);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            attempts.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                    throttle.begin("c@example.com", "10.0.0.3");
                    admitted.incrementAndGet();
                    Thread.sleep(200); // the bcrypt of a wrong password
                } catch (ProblemException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, pool));
        }
        go.countDown();
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(admitted).hasValue(10);
        assertThat(refused).hasValue(20);
    }

    @Test
    void oneAddressSprayingManyEmailsIsRefusedOnceItsFailuresReachTheAddressLimit() {
        LoginThrottle throttle = throttle(10, 5, 100);
        for (int i = 0; i < 5; i++) {
            throttle.begin("user" + i + "@example.com", "10.0.0.4");
        }

        assertThatThrownBy(() -> throttle.begin("user9@example.com", "10.0.0.4"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(429));
        assertThatCode(() -> throttle.begin("user9@example.com", "10.0.0.5")).doesNotThrowAnyException();
    }

    @Test
    void successesDoNotCountAgainstTheAddress() {
        LoginThrottle throttle = throttle(10, 3, 100);
        for (int i = 0; i < 10; i++) {
            throttle.begin("user" + i + "@example.com", "10.0.0.6").succeeded();
        }

        assertThatCode(() -> throttle.begin("someone@example.com", "10.0.0.6")).doesNotThrowAnyException();
    }

    @Test
    void theServiceWideBudgetRefusesPastItsRateAndHandsBackWhatItRefused() {
        LoginThrottle throttle = throttle(2, 100, 3);
        for (int i = 0; i < 3; i++) {
            throttle.begin("user" + i + "@example.com", "10.0.1." + i);
        }

        assertThatThrownBy(() -> throttle.begin("d@example.com", "10.0.1.9"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat((long) e.problem().extensions().get("retryAfter")).isEqualTo(1L);
                });
        assertThatThrownBy(() -> throttle.begin("d@example.com", "10.0.1.9")).isInstanceOf(ProblemException.class);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThatCode(() -> throttle.begin("d@example.com", "10.0.1.9"))
                        .as("refusals by the budget did not use up the account's own failures")
                        .doesNotThrowAnyException());
        assertThatCode(() -> throttle.begin("d@example.com", "10.0.1.9")).doesNotThrowAnyException();
    }

    @Test
    void keepsNeitherEmailNorAddressInKeyNames() {
        throttle(3, 100, 100).begin("c@example.com", "10.0.0.9");

        assertThat(redis.async().keys("*").toCompletableFuture().join())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key).doesNotContain("example").doesNotContain("10.0.0.9"));
    }

    private LoginThrottle throttle(int perAccount, int perAddress, int perSecond) {
        return new LoginThrottle(redis, perAccount, perAddress, WINDOW, new PasswordCheckBudget(redis, perSecond));
    }
}
