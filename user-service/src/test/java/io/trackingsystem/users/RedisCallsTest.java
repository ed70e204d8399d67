package io.trackingsystem.users;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisCallsTest {

    @Test
    void readsHashTagsAsRedisClusterDoes() {
        assertThat(RedisCalls.hashTag("users:{t:42}:sessions")).isEqualTo("t:42");
        assertThat(RedisCalls.hashTag("auth:login-failures:abc")).isEqualTo("auth:login-failures:abc");
        assertThat(RedisCalls.hashTag("odd:{}:key")).isEqualTo("odd:{}:key");
    }

    @Test
    void aScriptOverKeysOfTwoSlotsIsRefusedBeforeItRuns() {
        assertThatThrownBy(() -> RedisCalls.requireOneSlot(new String[]{"teams:{tm:a}", "users:{t:b}:teams"}))
                .isInstanceOf(IllegalArgumentException.class);
        RedisCalls.requireOneSlot(new String[]{"teams:{tm:a}", "teams:{tm:a}:members", "teams:{tm:a}:sites"});
    }
}
