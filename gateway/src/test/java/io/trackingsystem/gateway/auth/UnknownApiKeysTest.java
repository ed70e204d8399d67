package io.trackingsystem.gateway.auth;

import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.gateway.testing.Response;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.messaging.Messaging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Made-up API keys, as an attacker floods them: each costs one Redis read at the gateway, none reaches the
 * user-service's queue, and none displaces a tenant's key from the cache.
 */
class UnknownApiKeysTest {

    private static AuthSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = AuthSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void unknownKeysNeverQueueAtTheUserService() throws Exception {
        system.register();
        String stream = Messaging.requestStream("user-service");
        AtomicReference<String> before = new AtomicReference<>();
        AuthSystem.redis(redis -> before.set(String.valueOf(redis.xinfoStream(stream))));

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                int unauthorised = 0;
                for (int i = 0; i < 250; i++) {
                    Response response = system.send("POST", "/api/events", Map.of("eventName", "x"), null,
                            Map.of("X-API-Key", junkKey()));
                    unauthorised += response.isProblem(401) ? 1 : 0;
                }
                return unauthorised;
            }));
        }

        int refused = answers.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(refused).isEqualTo(2000);
        AuthSystem.redis(redis -> assertThat(String.valueOf(redis.xinfoStream(stream)))
                .as("no request was added to the user-service's stream").isEqualTo(before.get()));
    }

    @Test
    void aFloodPastTheCacheBoundKeepsEveryTenantCached() throws Exception {
        Session tenant = system.register();
        ApiKeyCache cache = ApiKeyCache.in(system.gateway.context());
        assertThat(cache.accountFor(tenant.apiKey()).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .contains(tenant.siteId());

        List<CompletableFuture<Optional<String>>> flood = new ArrayList<>();
        for (int i = 0; i < ApiKeyCache.MAX_KNOWN + ApiKeyCache.MAX_UNKNOWN; i++) {
            flood.add(cache.accountFor(junkKey()).toCompletableFuture());
            if (flood.size() == 5_000) {
                flood.forEach(CompletableFuture::join);
                flood.clear();
            }
        }
        flood.forEach(CompletableFuture::join);

        assertThat(cache.holds(tenant.apiKey())).isTrue();
    }

    private static String junkKey() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return KeyFormat.WRITE_PREFIX + random;
    }
}
