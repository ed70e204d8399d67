package io.trackingsystem.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.reliability.Api.Response;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flow that hands a secret to the product or gets one from it, run one after another as one user would.
 * Each flow records the secrets it saw, so a test can look for them where they must not be. A new flow that
 * carries a secret (a password, a token, a key, a share link) belongs in {@link #ALL}.
 */
final class SecretFlows {

    static final String NEW_PASSWORD = "another secret phrase";

    /** In order: later flows use the session that earlier ones left. */
    static final List<Flow> ALL = List.of(
            new Flow("register", SecretFlows::register),
            new Flow("failed login", journey -> {
                String wrong = "not the password " + journey.account.id();
                journey.secret(wrong);
                assertThat(journey.login(wrong).status()).isEqualTo(401);
            }),
            new Flow("login", journey -> journey.signedIn(journey.login(Api.PASSWORD), 200)),
            new Flow("refresh", journey -> journey.signedIn(journey.api.post("/api/auth/refresh",
                    Api.json(Map.of("refreshToken", journey.refreshToken)), Map.of()), 200)),
            new Flow("ingest with the API key", journey -> assertThat(journey.api.ingest(journey.apiKey,
                    List.of("{\"eventName\":\"pageview\",\"page\":\"/\",\"anonymousId\":\"a-1\"}")).status())
                    .isEqualTo(202)),
            new Flow("key rotation", journey -> {
                Response rotated = journey.bearer("POST", "/api/me/api-key", "");
                assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
                journey.apiKey = journey.secret(rotated.json().path("apiKey").asText());
            }),
            new Flow("password change with a wrong current password", journey -> {
                String wrong = "wrong current password";
                journey.secret(wrong);
                assertThat(journey.bearer("PATCH", "/api/me", Api.json(Map.of("currentPassword", wrong,
                        "newPassword", NEW_PASSWORD))).status()).isEqualTo(403);
            }),
            new Flow("password change", journey -> {
                journey.secret(NEW_PASSWORD);
                Response changed = journey.bearer("PATCH", "/api/me", Api.json(Map.of(
                        "currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD)));
                assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            }),
            new Flow("login with the new password", journey -> journey.signedIn(journey.login(NEW_PASSWORD), 200)),
            new Flow("refresh-token reuse", journey -> {
                String used = journey.refreshToken;
                journey.signedIn(journey.api.post("/api/auth/refresh", Api.json(Map.of("refreshToken", used)),
                        Map.of()), 200);
                assertThat(journey.api.post("/api/auth/refresh", Api.json(Map.of("refreshToken", used)), Map.of())
                        .status()).isEqualTo(401);
                journey.signedIn(journey.login(NEW_PASSWORD), 200);
            }),
            new Flow("logout", journey -> assertThat(journey.bearer("POST", "/api/auth/logout",
                    Api.json(Map.of("refreshToken", journey.refreshToken))).status()).isEqualTo(204)));

    private SecretFlows() {
    }

    private static void register(Journey journey) {
        journey.secret(Api.PASSWORD);
        journey.account = journey.api.register();
        journey.apiKey = journey.secret(journey.account.apiKey());
        journey.tokens(journey.account.accessToken(), journey.account.refreshToken());
    }

    record Flow(String name, Consumer<Journey> run) {
    }

    /** One user going through the flows, and every secret seen on the way. */
    static final class Journey {

        final Api api;
        final Set<String> secrets = new LinkedHashSet<>();
        /** The API keys among {@link #secrets}. */
        final Set<String> apiKeys = new LinkedHashSet<>();
        Api.Account account;
        String apiKey;
        String accessToken;
        String refreshToken;

        Journey(Api api) {
            this.api = api;
        }

        String secret(String value) {
            secrets.add(value);
            if (value.startsWith("tsk_") || value.startsWith("tsr_")) {
                apiKeys.add(value);
            }
            return value;
        }

        Response login(String password) {
            return api.post("/api/auth/login", Api.json(Map.of("email", account.email(), "password", password)),
                    Map.of());
        }

        Response bearer(String method, String path, String body) {
            return api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        }

        void signedIn(Response answer, int status) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
            JsonNode body = answer.json();
            tokens(body.path("accessToken").asText(), body.path("refreshToken").asText());
        }

        /** Whole tokens, and the parts that are secret on their own: a JWT's signature, a refresh token's secret. */
        void tokens(String access, String refresh) {
            accessToken = secret(access);
            refreshToken = secret(refresh);
            secret(access.substring(access.lastIndexOf('.') + 1));
            secret(refresh.substring(refresh.lastIndexOf('.') + 1));
        }
    }
}
