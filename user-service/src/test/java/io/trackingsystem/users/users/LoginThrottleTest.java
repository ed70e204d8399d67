package io.trackingsystem.users.users;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LoginThrottleTest {

    private Redis redis;
    private LoginThrottle throttle;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
        throttle = new LoginThrottle(redis, 3, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void refusesOnceTheLimitIsReachedUntilTheWindowCloses() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.check("a@example.com", "10.0.0.1")).doesNotThrowAnyException();
            throttle.failed("a@example.com", "10.0.0.1");
        }

        assertThatThrownBy(() -> throttle.check("A@Example.com ", "10.0.0.1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat((long) e.problem().extensions().get("retryAfter")).isBetween(1L, 2L);
                });
        assertThatCode(() -> throttle.check("a@example.com", "10.0.0.2")).doesNotThrowAnyException();
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThatCode(() -> throttle.check("a@example.com", "10.0.0.1")).doesNotThrowAnyException());
    }

    @Test
    void aSuccessStartsTheCountAfresh() {
        throttle.failed("b@example.com", "10.0.0.1");
        throttle.failed("b@example.com", "10.0.0.1");

        throttle.succeeded("b@example.com", "10.0.0.1");
        throttle.failed("b@example.com", "10.0.0.1");
        throttle.failed("b@example.com", "10.0.0.1");

        assertThatCode(() -> throttle.check("b@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void keepsNeitherEmailNorAddressInKeyNames() {
        throttle.failed("c@example.com", "10.0.0.9");

        assertThat(redis.async().keys("*").toCompletableFuture().join())
                .singleElement().asString().doesNotContain("example").doesNotContain("10.0.0.9");
    }
}
