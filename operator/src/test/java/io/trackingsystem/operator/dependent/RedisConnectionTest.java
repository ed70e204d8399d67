package io.trackingsystem.operator.dependent;

import org.junit.jupiter.api.Test;

import io.trackingsystem.operator.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class RedisConnectionTest {

  @Test
  void insertsPasswordPlaceholderIntoExternalUrl() {
    assertThat(RedisConnection.withPassword("redis://cache:6379/0")).isEqualTo("redis://:$(REDIS_PASSWORD)@cache:6379/0");
  }

  @Test
  void keepsAclUserNameAndDropsInlinePassword() {
    assertThat(RedisConnection.withPassword("rediss://analytics:old@cache.example:6380"))
        .isEqualTo("rediss://analytics:$(REDIS_PASSWORD)@cache.example:6380");
  }

  @Test
  void leavesExternalUrlAloneWithoutPasswordSecret() {
    var primary = Fixtures.externalRedis("t", "redis://cache:6379/1", "unused");
    primary.getSpec().getRedis().getExternal().setPasswordSecret(null);

    assertThat(RedisConnection.url(primary)).isEqualTo("redis://cache:6379/1");
    assertThat(RedisConnection.password(primary)).isEmpty();
  }
}
