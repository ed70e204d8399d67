package io.trackingsystem.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refresh-token rotation, reuse detection and logout, and how fast gateways honour revocations. */
class SessionTest extends AuthSystemTest {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

    @Test
    void refreshHandsOutANewPairAndRetiresTheOldRefreshToken() {
        Session session = system.register();

        Response refreshed = refresh(session.refreshToken());

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode body = refreshed.json();
        assertThat(body.path("refreshToken").asText()).isNotEqualTo(session.refreshToken());
        assertThat(body.path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(body.has("user")).isFalse();
        Session next = session.refreshedWith(body);
        assertThat(system.get("/api/me", next.accessToken()).status()).isEqualTo(200);
        assertThat(refresh(next.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void refreshTokensHaveAtLeast256RandomBits() {
        String token = system.register().refreshToken();

        String secret = token.substring(token.lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Session first = system.register();
        Session second = first.refreshedWith(refresh(first.refreshToken()).json());
        Session third = second.refreshedWith(refresh(second.refreshToken()).json());

        Response reuse = refresh(first.refreshToken());

        assertThat(reuse.isProblem(401)).isTrue();
        assertThat(refresh(third.refreshToken()).isProblem(401)).as("the newest token of the family").isTrue();
        await().atMost(REVOCATION_BOUND).untilAsserted(() ->
                assertThat(system.get("/api/me", third.accessToken()).status()).isEqualTo(401));
        assertThat(system.login(first.email(), AuthSystem.PASSWORD, "10.1.1.1").status())
                .as("signing in again still works").isEqualTo(200);
    }

    @Test
    void refusesRefreshTokensItNeverIssued() {
        Session session = system.register();
        String token = session.refreshToken();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(refresh("garbage").isProblem(401)).isTrue();
        assertThat(refresh(tampered).isProblem(401)).isTrue();
        assertThat(refresh(token).status()).as("a forgery does not burn the real token").isEqualTo(200);
        assertThat(system.post("/api/auth/refresh", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSessionsAccessAndRefreshTokens() {
        Session session = system.register();
        Session other = session.refreshedWith(system.login(session.email(), AuthSystem.PASSWORD, "10.1.1.2").json());

        Response logout = system.post("/api/auth/logout", Map.of("refreshToken", session.refreshToken()),
                session.accessToken());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertThat(refresh(session.refreshToken()).isProblem(401)).isTrue();
        await().atMost(REVOCATION_BOUND).untilAsserted(() ->
                assertThat(system.get("/api/me", session.accessToken()).isProblem(401)).isTrue());
        assertThat(system.get("/api/me", other.accessToken()).status())
                .as("a session on another device goes on").isEqualTo(200);
    }

    @Test
    void logoutNeedsTheBearerTokenAndOnesOwnRefreshToken() {
        Session session = system.register();
        Session stranger = system.register();

        assertThat(system.post("/api/auth/logout", Map.of("refreshToken", session.refreshToken()))
                .isProblem(401)).isTrue();
        assertThat(system.post("/api/auth/logout", Map.of("refreshToken", stranger.refreshToken()),
                session.accessToken()).isProblem(401)).isTrue();
        assertThat(refresh(stranger.refreshToken()).status()).isEqualTo(200);
    }

    /** Session ids are no secret: they travel in every access token and in live-view URLs. */
    @Test
    void logoutWithAnotherAccountsSessionGraftedOntoOnesOwnIdEndsNothing() {
        Session attacker = system.register();
        Session victim = system.register();
        String victimSession = claim(victim.accessToken(), "sid");
        String ownSecret = attacker.refreshToken().substring(attacker.refreshToken().lastIndexOf('.') + 1);

        for (String forged : new String[]{attacker.userId() + "." + victimSession + "." + ownSecret,
                attacker.userId() + "." + victimSession + "." + "A".repeat(43)}) {
            assertThat(system.post("/api/auth/logout", Map.of("refreshToken", forged), attacker.accessToken())
                    .isProblem(401)).isTrue();
        }

        assertThat(refresh(victim.refreshToken()).status()).as("the victim's session goes on").isEqualTo(200);
        assertThat(system.get("/api/me", victim.accessToken()).status()).isEqualTo(200);
        assertThat(system.get("/api/me", attacker.accessToken()).status())
                .as("a refused logout ends nothing, not even the caller's session").isEqualTo(200);
    }

    /** The announcement may be lost; the periodic reload must still catch the revocation. */
    @Test
    void honoursARevocationItWasNeverToldAboutWithinFiveSeconds() {
        Session session = system.register();
        String sessionId = claim(session.accessToken(), "sid");
        assertThat(system.get("/api/me", session.accessToken()).status()).isEqualTo(200);

        AuthSystem.redis(redis ->
                redis.zadd("auth:revoked-sessions", System.currentTimeMillis() + 60_000, sessionId));

        await().atMost(REVOCATION_BOUND).untilAsserted(() ->
                assertThat(system.get("/api/me", session.accessToken()).status()).isEqualTo(401));
    }

    private static Response refresh(String token) {
        return system.post("/api/auth/refresh", Map.of("refreshToken", token));
    }

    static String claim(String jwt, String name) {
        return part(jwt, 1, name);
    }

    static String header(String jwt, String name) {
        return part(jwt, 0, name);
    }

    private static String part(String jwt, int index, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        try {
            return AuthSystem.JSON.readTree(payload).path(name).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
