package io.trackingsystem.gateway.auth;

import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.routes.runtime.CamelService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.trackingsystem.gateway.auth.AuthSystem.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without a configured key, each user-service replica signs with a pair of its own that only its memory holds. */
class SigningKeysTest {

    private static final Map<String, String> NO_CONFIGURED_KEY = Map.of("JWT_PRIVATE_KEY", "", "JWT_PUBLIC_KEY", "");

    @Test
    void tokensOfEveryReplicaPassAtOnceAndAfterTheirReplicaStopped() throws Exception {
        try (AuthSystem system = AuthSystem.start(NO_CONFIGURED_KEY)) {
            Session first = system.register();
            system.users.close();

            try (CamelService second = system.startUserService()) {
                // A sealed request needs the new replica's key advertised, within a second of its start.
                Session again = first.refreshedWith(await().atMost(Duration.ofSeconds(5))
                        .until(() -> system.login(first.email(), PASSWORD, "10.4.0.1"), r -> r.status() == 200)
                        .json());

                assertThat(SessionTest.header(again.accessToken(), "kid"))
                        .isNotEqualTo(SessionTest.header(first.accessToken(), "kid"));
                assertThat(system.get("/api/me", again.accessToken()).status())
                        .as("signed by a replica started a moment ago").isEqualTo(200);
                assertThat(system.get("/api/me", first.accessToken()).status())
                        .as("signed by a replica that has stopped").isEqualTo(200);
            }
        }
    }

    @Test
    void keepsNoPrivateKeyInRedis() throws Exception {
        try (AuthSystem system = AuthSystem.start(NO_CONFIGURED_KEY)) {
            system.register();

            AuthSystem.redis(redis -> {
                assertThat(redis.exists("auth:jwt:generated-key-pair")).isZero();
                assertThat(redis.hvals("auth:jwt:public-keys")).isNotEmpty()
                        .allSatisfy(pem -> assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----"));
            });
        }
    }
}
