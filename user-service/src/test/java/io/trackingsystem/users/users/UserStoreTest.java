package io.trackingsystem.users.users;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.Secrets;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.apikeys.ApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UserStoreTest {

    private Redis redis;
    private UserStore users;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
        users = new UserStore(redis);
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void onlyOneOfManySimultaneousCreationsOfAnEmailWins() {
        List<CompletableFuture<UserStore.Created>> attempts = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> users.create(user(i % 2 == 0
                        ? "Same@Example.com" : " same@example.COM "))))
                .toList();

        List<UserStore.Created> outcomes = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(outcome -> outcome == UserStore.Created.CREATED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == UserStore.Created.EMAIL_TAKEN).hasSize(19);
        assertThat(redis.async().hlen(UserKeys.API_KEY_INDEX).toCompletableFuture().join()).isEqualTo(1);
    }

    @Test
    void findsUsersByEmailIgnoringCase() {
        User user = user("Grace@Example.com");
        users.create(user);

        assertThat(users.findByEmail("  grace@EXAMPLE.com")).map(User::id).contains(user.id());
        assertThat(users.find(user.id())).contains(user);
    }

    @Test
    void indexesApiKeysOnlyByDigest() {
        User user = user("key@example.com");
        users.create(user);

        Map<String, String> index = redis.async().hgetall(UserKeys.API_KEY_INDEX).toCompletableFuture().join();
        assertThat(index).containsExactly(Map.entry(Secrets.sha256(user.apiKey()), user.id()));
        assertThat(users.idForApiKey(user.apiKey())).contains(user.id());
    }

    @Test
    void replacingAKeyMovesItsIndexEntryAndRefusesAStaleRead() {
        User user = user("rotate@example.com");
        users.create(user);
        String newKey = ApiKey.generate();

        assertThat(users.replaceApiKey(user, newKey, Instant.now())).isEqualTo(UserStore.Replaced.REPLACED);

        assertThat(users.idForApiKey(user.apiKey())).isEmpty();
        assertThat(users.idForApiKey(newKey)).contains(user.id());
        assertThat(users.find(user.id()).orElseThrow().apiKey()).isEqualTo(newKey);
        assertThat(users.replaceApiKey(user, ApiKey.generate(), Instant.now()))
                .isEqualTo(UserStore.Replaced.CHANGED_MEANWHILE);
        assertThat(users.idForApiKey(newKey)).contains(user.id());
    }

    @Test
    void updatesNeverCreateAUser() {
        assertThat(users.update(UUID.randomUUID().toString(), Map.of("name", "Ghost"))).isFalse();
        assertThat(redis.async().keys("users:{t:*").toCompletableFuture().join()).isEmpty();
    }

    private static User user(String email) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new User(UUID.randomUUID().toString(), "Test", email.strip(), "$2b$10$hash", ApiKey.generate(), now,
                now);
    }
}
