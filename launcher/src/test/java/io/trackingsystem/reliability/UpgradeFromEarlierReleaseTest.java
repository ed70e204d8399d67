package io.trackingsystem.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.users.Passwords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts from the earlier release's layout: an account whose hash holds its API key in clear text, the two global
 * index hashes, and tracking data stored under the account's id. After the user-service starts, the account signs
 * in with its old password, owns a personal team and site whose ids are its own, reads its old data by default,
 * sends with its old key, and no clear key is left in Redis. Starting again changes nothing.
 */
class UpgradeFromEarlierReleaseTest {

    private static final String EMAIL = "earlier@example.com";

    @Test
    void anAccountOfTheEarlierReleaseKeepsItsLoginKeyAndData() {
        RedisFixture.flush();
        String userId = UUID.randomUUID().toString();
        String oldKey = "tsk_" + UUID.randomUUID().toString().replace("-", "");
        writeEarlierLayout(userId, oldKey);

        try (Product product = Product.on(RedisFixture.url(), Map.of())) {
            product.trackingService();
            CamelService users = product.userService();
            product.gateway();
            Api api = product.api;

            Response login = api.login(EMAIL);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            String token = login.json().path("accessToken").asText();
            JsonNode sites = api.get("/api/sites", token).json().path("sites");
            assertThat(sites).hasSize(1);
            assertThat(sites.get(0).path("id").asText()).isEqualTo(userId);
            assertThat(sites.get(0).path("teamId").asText()).isEqualTo(userId);
            assertThat(sites.get(0).path("role").asText()).isEqualTo("owner");
            await().atMost(Duration.ofSeconds(30)).until(() -> events(api, token) == 1);

            assertThat(api.ingest(oldKey, List.of("{\"eventName\":\"after-upgrade\",\"anonymousId\":\"v\"}"))
                    .status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> events(api, token) == 2);
            assertThat(api.get("/api/sites/" + userId + "/keys", token).json().path("keys")).hasSize(1);

            onRedis(redis -> {
                assertThat(redis.hexists("users:{t:" + userId + "}", "apiKey")).isFalse();
                assertThat(redis.exists("users:by-email", "users:by-api-key")).isZero();
                assertThat(everyValue(redis)).as("no clear key is left in Redis").doesNotContain(oldKey);
                assertThat(redis.hget(AccessKeys.apiKey(AccessKeys.digest(oldKey)), AccessKeys.GRANT_SITE))
                        .isEqualTo(userId);
            });

            users.close();
            product.userService();
            Response again = api.login(EMAIL);
            assertThat(again.status()).isEqualTo(200);
            String second = again.json().path("accessToken").asText();
            assertThat(api.get("/api/sites", second).json().path("sites")).hasSize(1);
            assertThat(api.get("/api/teams", second).json().path("teams")).hasSize(1);
            assertThat(api.get("/api/sites/" + userId + "/keys", second).json().path("keys")).hasSize(1);
        }
    }

    private static long events(Api api, String token) {
        return api.get("/api/stats/overview?" + Api.RECENT, token).json().path("events").asLong();
    }

    /** The earlier release's records of one account with one stored event, as that release wrote them. */
    private static void writeEarlierLayout(String userId, String apiKey) {
        Instant created = Instant.now().minus(Duration.ofDays(3));
        String passwordHash = new Passwords(10).hash(Api.PASSWORD);
        onRedis(redis -> {
            redis.hset("users:{t:" + userId + "}", Map.of("id", userId, "name", "Earlier", "email", EMAIL,
                    "passwordHash", passwordHash, "apiKey", apiKey, "createdAt", created.toString(),
                    "updatedAt", created.toString()));
            redis.hset("users:by-email", EMAIL, userId);
            redis.hset("users:by-api-key", AccessKeys.digest(apiKey), userId);
            long now = System.currentTimeMillis();
            redis.xadd(IngestStream.KEY, Map.of(IngestStream.LEGACY_ACCOUNT, userId, IngestStream.EVENT,
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"before-upgrade\",\"type\":\"track\",\"ts\":"
                            + now + ",\"receivedAt\":" + now + ",\"props\":{},\"anonymousId\":\"v\"}"));
        });
    }

    /** Every string, hash and stream value in Redis, as text. */
    private static String everyValue(RedisCommands<String, String> redis) {
        StringBuilder all = new StringBuilder();
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, KeyScanArgs.Builder.limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        for (String key : keys) {
            all.append(key).append('\n');
            switch (redis.type(key)) {
                case "string" -> all.append(redis.get(key));
                case "hash" -> all.append(redis.hgetall(key));
                case "stream" -> redis.xrange(key, Range.create("-", "+"))
                        .forEach(entry -> all.append(entry.getBody()));
                case "zset" -> all.append(redis.zrange(key, 0, -1));
                case "set" -> all.append(redis.smembers(key));
                default -> all.append(new String(redis.dump(key), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static void onRedis(Consumer<RedisCommands<String, String>> commands) {
        RedisClient client = RedisClient.create(RedisFixture.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            commands.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
