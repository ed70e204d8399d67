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

class RegistrationThrottleTest {

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
    void refusesAnAddressPastItsRegistrationsWithTheSecondsLeft() {
        RegistrationThrottle throttle = new RegistrationThrottle(redis, 3, Duration.ofMinutes(10),
                new PasswordCheckBudget(redis, 100));
        for (int i = 0; i < 3; i++) {
            throttle.take("192.0.2.1");
        }

        assertThatThrownBy(() -> throttle.take("192.0.2.1")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(429);
            assertThat((long) e.problem().extensions().get("retryAfter")).isBetween(590L, 600L);
        });
        assertThatCode(() -> throttle.take("192.0.2.2")).doesNotThrowAnyException();
    }

    @Test
    void sharesTheServiceWideBudgetWithSignIns() {
        PasswordCheckBudget budget = new PasswordCheckBudget(redis, 2);
        RegistrationThrottle registrations = new RegistrationThrottle(redis, 100, Duration.ofMinutes(10), budget);
        LoginThrottle logins = new LoginThrottle(redis, 10, 100, Duration.ofMinutes(10), budget);
        registrations.take("192.0.2.3");
        logins.begin("a@example.com", "192.0.2.4");

        assertThatThrownBy(() -> registrations.take("192.0.2.5")).isInstanceOf(ProblemException.class);
    }
}
