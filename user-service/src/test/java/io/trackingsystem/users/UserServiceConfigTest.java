package io.trackingsystem.users;

import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserServiceConfigTest {

    @Test
    void hasSafeDefaults() {
        UserServiceConfig config = UserServiceConfig.from(Env.of(Map.of()));

        assertThat(config.jwtPrivateKey()).isEmpty();
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(config.bcryptCost()).isEqualTo(12);
        assertThat(config.loginMaxFailures()).isEqualTo(10);
        assertThat(config.loginFailureWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.loginMaxFailuresPerAddress()).isEqualTo(100);
        assertThat(config.registrationsPerAddress()).isEqualTo(20);
        assertThat(config.registrationWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(config.passwordChecksPerSecond()).isEqualTo(10);
    }

    @Test
    void readsEverySetting() {
        UserServiceConfig config = UserServiceConfig.from(Env.of(Map.ofEntries(
                Map.entry("JWT_PRIVATE_KEY", "a"), Map.entry("JWT_PUBLIC_KEY", "b"),
                Map.entry("ACCESS_TOKEN_TTL_SECONDS", "600"), Map.entry("REFRESH_TOKEN_TTL_DAYS", "7"),
                Map.entry("BCRYPT_COST", "11"), Map.entry("LOGIN_MAX_FAILURES", "5"),
                Map.entry("LOGIN_FAILURE_WINDOW_SECONDS", "60"), Map.entry("LOGIN_MAX_FAILURES_PER_ADDRESS", "7"),
                Map.entry("REGISTRATIONS_PER_ADDRESS", "3"), Map.entry("REGISTRATION_WINDOW_SECONDS", "120"),
                Map.entry("PASSWORD_CHECKS_PER_SECOND", "4"))));

        assertThat(config.jwtPrivateKey()).contains("a");
        assertThat(config.jwtPublicKey()).contains("b");
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.bcryptCost()).isEqualTo(11);
        assertThat(config.loginMaxFailures()).isEqualTo(5);
        assertThat(config.loginFailureWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.loginMaxFailuresPerAddress()).isEqualTo(7);
        assertThat(config.registrationsPerAddress()).isEqualTo(3);
        assertThat(config.registrationWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.passwordChecksPerSecond()).isEqualTo(4);
    }

    @Test
    void refusesWeakOrHalfSettings() {
        assertThatThrownBy(() -> from("BCRYPT_COST", "9")).hasMessageContaining("BCRYPT_COST");
        assertThatThrownBy(() -> from("BCRYPT_COST", "21")).hasMessageContaining("BCRYPT_COST");
        assertThatThrownBy(() -> from("ACCESS_TOKEN_TTL_SECONDS", "10")).hasMessageContaining("ACCESS_TOKEN");
        assertThatThrownBy(() -> from("REFRESH_TOKEN_TTL_DAYS", "0")).hasMessageContaining("REFRESH_TOKEN");
        assertThatThrownBy(() -> from("JWT_PRIVATE_KEY", "only-one-half")).hasMessageContaining("together");
        assertThatThrownBy(() -> from("PASSWORD_CHECKS_PER_SECOND", "0")).hasMessageContaining("PASSWORD_CHECKS");
        assertThatThrownBy(() -> from("REGISTRATIONS_PER_ADDRESS", "0")).hasMessageContaining("REGISTRATIONS");
    }

    private static UserServiceConfig from(String name, String value) {
        return UserServiceConfig.from(Env.of(Map.of(name, value)));
    }
}
