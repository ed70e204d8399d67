package io.trackingsystem.users.users;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.UserKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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
    void onlyOneOfManySimultaneousClaimsOfAnEmailWinsWhateverItsCase() {
        CyclicBarrier together = new CyclicBarrier(20);
        List<CompletableFuture<Boolean>> attempts = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    User user = user(i % 2 == 0 ? "Same@Example.com" : " same@example.COM ");
                    await(together);
                    return users.claimEmail(user);
                }))
                .toList();

        List<Boolean> outcomes = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(won -> won).hasSize(1);
        assertThat(redis.async().keys("users:email:*").toCompletableFuture().join()).hasSize(1);
    }

    @Test
    void aClaimExpiresUnlessConfirmedAndStaysOnceConfirmed() {
        User user = user("claim@example.com");
        String key = UserKeys.email("claim@example.com");

        assertThat(users.claimEmail(user)).isTrue();
        long ttl = redis.async().pttl(key).toCompletableFuture().join();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(UserStore.CLAIM_TTL.toMillis());

        users.write(user);
        assertThat(users.confirmEmail(user)).isTrue();
        assertThat(redis.async().pttl(key).toCompletableFuture().join()).isEqualTo(-1);
        assertThat(users.claimEmail(user("CLAIM@example.com"))).isFalse();
    }

    @Test
    void aClaimTakenOverByAnotherRegistrationCannotBeConfirmed() {
        User first = user("late@example.com");
        User second = user("late@example.com");
        users.claimEmail(first);
        redis.async().del(UserKeys.email("late@example.com")).toCompletableFuture().join();
        users.claimEmail(second);

        assertThat(users.confirmEmail(first)).isFalse();
        assertThat(users.confirmEmail(second)).isTrue();
    }

    @Test
    void findsUsersByEmailIgnoringCase() {
        User user = user("Grace@Example.com");
        users.claimEmail(user);
        users.write(user);
        users.confirmEmail(user);

        assertThat(users.findByEmail("  grace@EXAMPLE.com")).map(User::id).contains(user.id());
        assertThat(users.find(user.id())).contains(user);
        assertThat(redis.async().keys("*Grace*").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void updatesNeverCreateAUser() {
        assertThat(users.update(UUID.randomUUID().toString(), Map.of("name", "Ghost"))).isFalse();
        assertThat(redis.async().keys("users:{t:*").toCompletableFuture().join()).isEmpty();
    }

    private static User user(String email) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new User(UUID.randomUUID().toString(), "Test", email.strip(), "$2b$10$hash", now, now);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
