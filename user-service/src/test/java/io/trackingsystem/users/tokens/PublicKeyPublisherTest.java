package io.trackingsystem.users.tokens;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.contract.AccessTokenKeys;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PublicKeyPublisherTest {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private Redis redis;
    private Redis.Dedicated connection;
    private RedisClusterCommands<String, String> commands;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
        connection = redis.dedicated();
        commands = connection.sync();
    }

    @AfterEach
    void stop() {
        connection.close();
        redis.close();
    }

    @Test
    void publishesThePublicHalfValidForOneTokenLifetimeAndNothingPrivate() {
        SigningKey key = newKey();

        publisher(key).publish();

        assertThat(commands.hget(AccessTokenKeys.PUBLIC_KEYS, key.keyId())).isEqualTo(key.publicPem());
        assertThat(commands.zscore(AccessTokenKeys.VALID_UNTIL, key.keyId()))
                .isCloseTo(System.currentTimeMillis() + LIFETIME.plusMinutes(5).toMillis(), within(5_000.0));
        assertThat(commands.keys("*")).containsExactlyInAnyOrder(AccessTokenKeys.PUBLIC_KEYS,
                AccessTokenKeys.VALID_UNTIL);
    }

    @Test
    void keysOfReplicasGoneLongerThanATokenLifetimeAreRemovedAndOthersKept() {
        SigningKey gone = newKey();
        SigningKey recent = newKey();
        SigningKey own = newKey();
        commands.hset(AccessTokenKeys.PUBLIC_KEYS, gone.keyId(), gone.publicPem());
        commands.zadd(AccessTokenKeys.VALID_UNTIL, System.currentTimeMillis() - 1, gone.keyId());
        commands.hset(AccessTokenKeys.PUBLIC_KEYS, recent.keyId(), recent.publicPem());
        commands.zadd(AccessTokenKeys.VALID_UNTIL, System.currentTimeMillis() + 60_000, recent.keyId());

        publisher(own).publish();

        assertThat(commands.hkeys(AccessTokenKeys.PUBLIC_KEYS)).containsExactlyInAnyOrder(recent.keyId(), own.keyId());
        assertThat(commands.zrange(AccessTokenKeys.VALID_UNTIL, 0, -1))
                .containsExactlyInAnyOrder(recent.keyId(), own.keyId());
    }

    @Test
    void aKeyPairKeptByAnEarlierReleaseIsDeletedAndItsPublicKeyValidForOneMoreLifetime() throws Exception {
        SigningKey earlier = newKey();
        commands.set("auth:jwt:generated-key-pair", "{\"private\":\"...\",\"public\":\"...\"}");
        commands.hset(AccessTokenKeys.PUBLIC_KEYS, earlier.keyId(), earlier.publicPem());
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PublicKeyPublisher publisher = new PublicKeyPublisher(redis, newKey(), LIFETIME, context);

            publisher.start();
            publisher.stop();
        }

        assertThat(commands.exists("auth:jwt:generated-key-pair")).isZero();
        assertThat(commands.zscore(AccessTokenKeys.VALID_UNTIL, earlier.keyId()))
                .isCloseTo(System.currentTimeMillis() + LIFETIME.plusMinutes(5).toMillis(), within(5_000.0));
    }

    private PublicKeyPublisher publisher(SigningKey key) {
        return new PublicKeyPublisher(redis, key, LIFETIME, null);
    }

    private static SigningKey newKey() {
        String[] pair = SigningKey.generatePem();
        return SigningKey.of(pair[0], pair[1]);
    }
}
