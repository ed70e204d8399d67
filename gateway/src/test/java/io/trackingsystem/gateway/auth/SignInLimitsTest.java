package io.trackingsystem.gateway.auth;

import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.trackingsystem.gateway.auth.AuthSystem.PASSWORD;
import static io.trackingsystem.gateway.auth.AuthSystem.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** The limits on requests that cost a bcrypt, over HTTP, each against a system started with that limit low. */
class SignInLimitsTest {

    @Test
    void thirtyConcurrentWrongPasswordsGetAtMostTenFailuresAndTheRest429() throws Exception {
        try (AuthSystem system = AuthSystem.start()) {
            Session account = system.register();

            List<Response> answers = concurrently(30,
                    i -> system.login(account.email(), "wrong password " + i, "192.0.2.30"));

            assertThat(answers).extracting(Response::status).containsOnly(401, 429);
            assertThat(answers).filteredOn(answer -> answer.status() == 401).hasSize(10);
            assertThat(answers).filteredOn(answer -> answer.status() == 429)
                    .allSatisfy(answer -> assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive());
        }
    }

    @Test
    void oneAddressSprayingPasswordsOverManyEmailsIsRefusedPastItsLimit() throws Exception {
        try (AuthSystem system = AuthSystem.start(Map.of("LOGIN_MAX_FAILURES_PER_ADDRESS", "5"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(system.login(uniqueEmail("sprayed"), PASSWORD, "192.0.2.31").status()).isEqualTo(401);
            }

            Response refused = system.login(uniqueEmail("sprayed"), PASSWORD, "192.0.2.31");

            assertThat(refused.isProblem(429)).as(refused.body()).isTrue();
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
            assertThat(system.login(uniqueEmail("sprayed"), PASSWORD, "192.0.2.32").status())
                    .as("another address").isEqualTo(401);
        }
    }

    @Test
    void oneAddressRegisteringInAFloodIsRefusedPastItsLimit() throws Exception {
        try (AuthSystem system = AuthSystem.start(Map.of("REGISTRATIONS_PER_ADDRESS", "3"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(register(system, "192.0.2.33").status()).isEqualTo(201);
            }

            Response refused = register(system, "192.0.2.33");

            assertThat(refused.isProblem(429)).as(refused.body()).isTrue();
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3500L, 3600L);
            assertThat(register(system, "192.0.2.34").status()).as("another address").isEqualTo(201);
        }
    }

    @Test
    void signInsAndRegistrationsFromManyAddressesShareOneBudgetPerSecond() throws Exception {
        try (AuthSystem system = AuthSystem.start(Map.of("PASSWORD_CHECKS_PER_SECOND", "4"))) {
            List<Response> answers = concurrently(24, i -> i % 2 == 0
                    ? system.login(uniqueEmail("distributed"), PASSWORD, "198.51.100." + i)
                    : register(system, "198.51.100." + i));

            assertThat(answers).extracting(Response::status).isSubsetOf(201, 401, 429);
            List<Response> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
            assertThat(refused).as("24 requests within a few seconds against 4 a second").isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.header("Retry-After")).isEqualTo("1"));
        }
    }

    private static Response register(AuthSystem system, String address) {
        return system.send("POST", "/api/auth/register",
                Map.of("name", "Ada", "email", uniqueEmail("flood"), "password", PASSWORD), null,
                Map.of("X-Forwarded-For", address));
    }

    private static List<Response> concurrently(int count, java.util.function.IntFunction<Response> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(CompletableFuture.supplyAsync(() -> request.apply(index), pool));
            }
            List<Response> done = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                done.add(answer.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }
}
