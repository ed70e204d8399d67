package io.trackingsystem.routes.redis;

import io.lettuce.core.RedisURI;
import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisTargetTest {

    @Test
    void redisUrlAloneMeansOneNode() {
        RedisTarget target = RedisTarget.from(Env.of(Map.of("REDIS_URL", "redis://:secret@cache:6380/0")));

        assertThat(target.isCluster()).isFalse();
        assertThat(target.node().getHost()).isEqualTo("cache");
        assertThat(new String(target.node().getPassword())).isEqualTo("secret");
    }

    @Test
    void clusterNodesTakeTheSchemeUserAndPasswordOfRedisUrl() {
        RedisTarget target = RedisTarget.from(Env.of(Map.of(
                "REDIS_CLUSTER_NODES", "10.0.0.1:6379, 10.0.0.2:6380",
                "REDIS_URL", "rediss://ops:secret@10.0.0.1:6379")));

        List<RedisURI> seeds = target.seeds();

        assertThat(target.isCluster()).isTrue();
        assertThat(seeds).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(seeds).extracting(RedisURI::getPort).containsExactly(6379, 6380);
        assertThat(seeds).allSatisfy(uri -> {
            assertThat(uri.isSsl()).isTrue();
            assertThat(uri.getUsername()).isEqualTo("ops");
            assertThat(new String(uri.getPassword())).isEqualTo("secret");
        });
    }

    @Test
    void redisPasswordAuthenticatesWhenTheUrlCarriesNone() {
        RedisTarget target = RedisTarget.from(Env.of(Map.of(
                "REDIS_CLUSTER_NODES", "node-a:6379", "REDIS_PASSWORD", "from-secret")));

        assertThat(new String(target.seeds().get(0).getPassword())).isEqualTo("from-secret");
        assertThat(target.seeds().get(0).isSsl()).isFalse();
    }

    @Test
    void refusesANodeWithoutPort() {
        RedisTarget target = RedisTarget.from(Env.of(Map.of("REDIS_CLUSTER_NODES", "node-a")));

        assertThatThrownBy(target::seeds).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host:port");
    }
}
