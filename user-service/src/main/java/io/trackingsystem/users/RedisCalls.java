package io.trackingsystem.users;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.redis.Redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Blocking calls on the shared pipelining connection. Request handlers run on their own pool, and password hashing
 * keeps them busy anyway, so waiting for Redis there is simpler than chaining futures and costs nothing. Failures
 * surface as Lettuce's {@link io.lettuce.core.RedisException}, which the problem handling answers with 503.
 */
public final class RedisCalls {

    private static final long TIMEOUT_SECONDS = 5;

    private RedisCalls() {
    }

    public static <T> T await(RedisFuture<T> future) {
        return LettuceFutures.awaitOrCancel(future, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The hash tag of a key as Redis Cluster reads it: the text between its first braces, else the whole key. */
    static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open + 1);
        return close > open + 1 ? key.substring(open + 1, close) : key;
    }

    static void requireOneSlot(String[] keys) {
        for (String key : keys) {
            if (!hashTag(key).equals(hashTag(keys[0]))) {
                throw new IllegalArgumentException("a script may only touch keys of one hash tag, not "
                        + String.join(", ", keys));
            }
        }
    }

    /** A Lua script run by its digest, sent in full only when Redis does not know it yet (first use, restart). */
    public record Script(String source, String sha) {

        public static Script of(String source) {
            try {
                return new Script(source, HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-1", e);
            }
        }

        /** Runs the script; its keys must share one hash tag, so that it runs unchanged on a Redis Cluster. */
        public <T> T run(Redis redis, ScriptOutputType type, String[] keys, String... args) {
            requireOneSlot(keys);
            try {
                return await(redis.async().evalsha(sha, type, keys, args));
            } catch (RedisNoScriptException e) {
                return await(redis.async().eval(source, type, keys, args));
            }
        }
    }
}
