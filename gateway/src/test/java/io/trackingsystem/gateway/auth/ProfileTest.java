package io.trackingsystem.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.trackingsystem.gateway.auth.AuthSystem.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET and PATCH /api/me. */
class ProfileTest extends AuthSystemTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void showsTheSignedInUser() {
        Session session = system.register();

        Response me = system.get("/api/me", session.accessToken());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(session.userId());
        assertThat(me.json().path("email").asText()).isEqualTo(session.email());
        assertThat(me.json().has("passwordHash")).isFalse();
        assertThat(me.body()).as("keys are shown once, at creation").doesNotContain(session.apiKey());
    }

    @Test
    void needsAnAccessToken() {
        assertThat(system.get("/api/me", null).isProblem(401)).isTrue();
        assertThat(system.get("/api/me", "not-a-jwt").isProblem(401)).isTrue();
        assertThat(system.patch("/api/me", Map.of("name", "X"), null).isProblem(401)).isTrue();
        assertThat(system.post("/api/me/api-key", null).isProblem(401)).isTrue();
    }

    @Test
    void renames() {
        Session session = system.register();
        JsonNode before = system.get("/api/me", session.accessToken()).json();

        Response renamed = system.patch("/api/me", Map.of("name", "  Grace Hopper "), session.accessToken());

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("Grace Hopper");
        assertThat(Instant.parse(renamed.json().path("updatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(before.path("updatedAt").asText()));
        assertThat(renamed.json().path("createdAt")).isEqualTo(before.path("createdAt"));
        assertThat(system.get("/api/me", session.accessToken()).json().path("name").asText())
                .isEqualTo("Grace Hopper");
    }

    @Test
    void rejectsInvalidChanges() {
        Session session = system.register();

        assertThat(system.patch("/api/me", Map.of(), session.accessToken()).isProblem(400)).isTrue();
        Response blankName = system.patch("/api/me", Map.of("name", "  "), session.accessToken());
        assertThat(blankName.isProblem(400)).isTrue();
        assertThat(blankName.json().path("errors").findValuesAsText("field")).containsExactly("name");
        Response shortPassword = system.patch("/api/me",
                Map.of("currentPassword", PASSWORD, "newPassword", "short"), session.accessToken());
        assertThat(shortPassword.isProblem(400)).isTrue();
        assertThat(shortPassword.json().path("errors").findValuesAsText("field")).containsExactly("newPassword");
        Response noCurrent = system.patch("/api/me", Map.of("newPassword", NEW_PASSWORD), session.accessToken());
        assertThat(noCurrent.json().path("errors").findValuesAsText("field")).containsExactly("currentPassword");
    }

    @Test
    void refusesAWrongCurrentPasswordAndChangesNothing() {
        Session session = system.register();

        Response response = system.patch("/api/me",
                Map.of("name", "Mallory", "currentPassword", "not my password", "newPassword", NEW_PASSWORD),
                session.accessToken());

        assertThat(response.isProblem(403)).as(response.body()).isTrue();
        assertThat(system.get("/api/me", session.accessToken()).json().path("name").asText()).isEqualTo("Ada");
        assertThat(system.login(session.email(), PASSWORD, "10.2.0.1").status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeRevokesEveryExistingAccessAndRefreshToken() {
        Session session = system.register();
        Session otherDevice = session.refreshedWith(system.login(session.email(), PASSWORD, "10.2.0.2").json());

        Response changed = system.patch("/api/me",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), session.accessToken());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("id").asText()).isEqualTo(session.userId());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(system.get("/api/me", session.accessToken()).status()).isEqualTo(401);
            assertThat(system.get("/api/me", otherDevice.accessToken()).status()).isEqualTo(401);
        });
        for (String refreshToken : new String[]{session.refreshToken(), otherDevice.refreshToken()}) {
            assertThat(system.post("/api/auth/refresh", Map.of("refreshToken", refreshToken)).isProblem(401))
                    .isTrue();
        }
        assertThat(system.login(session.email(), PASSWORD, "10.2.0.2").status()).isEqualTo(401);
        assertThat(system.login(session.email(), NEW_PASSWORD, "10.2.0.2").status()).isEqualTo(200);
    }
}
