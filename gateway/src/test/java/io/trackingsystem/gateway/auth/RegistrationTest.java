package io.trackingsystem.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;

import static io.trackingsystem.gateway.auth.AuthSystem.PASSWORD;
import static io.trackingsystem.gateway.auth.AuthSystem.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTest extends AuthSystemTest {

    @Test
    void registersAnAccountAndSignsItIn() {
        String email = uniqueEmail("ada");

        Response response = system.post("/api/auth/register",
                Map.of("name", "  Ada Lovelace ", "email", "  " + email + " ", "password", PASSWORD));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("Location")).isEqualTo("/api/me");
        JsonNode body = response.json();
        JsonNode user = body.path("user");
        assertThat(fieldNames(user)).containsExactlyInAnyOrder("id", "name", "email", "apiKey", "createdAt",
                "updatedAt");
        assertThat(user.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("apiKey").asText()).matches("tsk_[A-Za-z0-9_-]{32}");
        assertThat(Instant.parse(user.path("createdAt").asText())).isEqualTo(user.path("updatedAt").asText());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("user", "team", "site", "accessToken",
                "refreshToken", "expiresIn");
        assertThat(body.path("team").path("role").asText()).isEqualTo("owner");
        assertThat(body.path("team").path("personal").asBoolean()).isTrue();
        assertThat(body.path("site").path("teamId").asText()).isEqualTo(body.path("team").path("id").asText());
        assertThat(body.path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(system.get("/api/me", body.path("accessToken").asText()).json().path("id").asText())
                .isEqualTo(user.path("id").asText());
    }

    @Test
    void namesEveryInvalidField() {
        Response response = system.post("/api/auth/register",
                Map.of("name", " ", "email", "not-an-email", "password", "short"));

        assertThat(response.isProblem(400)).as(response.body()).isTrue();
        assertThat(response.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "email", "password");
    }

    @Test
    void reportsMissingAndMistypedFields() {
        Response response = system.post("/api/auth/register", Map.of("name", 42, "password", List.of("x")));

        assertThat(response.isProblem(400)).isTrue();
        assertThat(response.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "email", "password");
    }

    @Test
    void acceptsPasswordsFrom8To128Characters() {
        assertThat(register("a".repeat(7)).status()).isEqualTo(400);
        assertThat(register("a".repeat(8)).status()).isEqualTo(201);
        assertThat(register("a".repeat(128)).status()).isEqualTo(201);
        Response tooLong = register("a".repeat(129));
        assertThat(tooLong.isProblem(400)).isTrue();
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
    }

    @Test
    void refusesAnEmailAlreadyTakenInAnyCaseOrSpacing() {
        String email = uniqueEmail("taken");
        system.register(email);

        Response again = system.post("/api/auth/register",
                Map.of("name", "Eve", "email", " " + email.toUpperCase() + "  ", "password", PASSWORD));

        assertThat(again.isProblem(409)).as(again.body()).isTrue();
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        assertThat(system.post("/api/auth/register", "{\"name\":").isProblem(400)).isTrue();
        assertThat(system.post("/api/auth/register", "[1,2]").isProblem(400)).isTrue();
    }

    @Test
    void admitsExactlyOneOfTwentyConcurrentRegistrationsOfOneEmail() throws Exception {
        String email = uniqueEmail("race");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String variant = i % 2 == 0 ? email : email.toUpperCase();
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return system.post("/api/auth/register",
                            Map.of("name", "Racer", "email", variant, "password", PASSWORD)).status();
                }, callers));
            }
            go.countDown();
            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    private static Response register(String password) {
        return system.post("/api/auth/register",
                Map.of("name", "Pat", "email", uniqueEmail("length"), "password", password));
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
