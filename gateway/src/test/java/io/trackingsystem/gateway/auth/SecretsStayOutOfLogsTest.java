package io.trackingsystem.gateway.auth;

import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.trackingsystem.gateway.auth.AuthSystem.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every flow, including the ones that log warnings, while capturing what both services log (slf4j-simple
 * writes to standard error), then looks for any password, token or key in it.
 */
class SecretsStayOutOfLogsTest extends AuthSystemTest {

    private static final String NEW_PASSWORD = "another secret phrase";

    @Test
    void noPasswordTokenOrKeyIsEverLogged() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, pemBody(system.privatePem)));
        AtomicReference<Session> registered = new AtomicReference<>();
        String log = capturingStandardError(() -> {
            Session session = system.register();
            registered.set(session);
            secrets.addAll(secretsOf(session));
            system.login(session.email(), "wrong " + PASSWORD, "10.9.0.1");
            secrets.add("wrong " + PASSWORD);
            Session refreshed = session.refreshedWith(
                    system.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken())).json());
            secrets.addAll(secretsOf(refreshed));
            system.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()));
            Session again = session.refreshedWith(system.login(session.email(), PASSWORD, "10.9.0.1").json());
            secrets.addAll(secretsOf(again));
            Response rotated = system.post("/api/me/api-key", null, again.accessToken());
            secrets.add(rotated.json().path("apiKey").asText());
            system.patch("/api/me", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD),
                    again.accessToken());
            Session last = session.refreshedWith(system.login(session.email(), NEW_PASSWORD, "10.9.0.1").json());
            secrets.addAll(secretsOf(last));
            system.post("/api/auth/logout", Map.of("refreshToken", last.refreshToken()), last.accessToken());
            system.get("/api/me", last.accessToken());
        });

        assertThat(log).as("the reuse warning was captured").contains(registered.get().userId());
        assertThat(secrets).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    /** The whole of each secret, and the signature and secret parts alone. */
    private static List<String> secretsOf(Session session) {
        String refresh = session.refreshToken();
        String access = session.accessToken();
        return List.of(session.apiKey(), access, access.substring(access.lastIndexOf('.') + 1), refresh,
                refresh.substring(refresh.lastIndexOf('.') + 1));
    }

    private static String pemBody(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private static String capturingStandardError(Runnable flow) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            flow.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
