package io.trackingsystem.tracking.storage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code apply-batch.lua}, called by its SHA and loaded on the first NOSCRIPT (after a Redis restart or failover).
 */
final class ApplyScript {

    /** What the script answered. {@code crowded} lists the sets whose limit check failed, for a limit conflict. */
    record Reply(boolean applied, String conflict, List<String> crowded) {
    }

    private final RedisAsyncCommands<String, String> redis;
    private final String script;
    private final String sha;

    ApplyScript(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
        this.script = load();
        this.sha = sha1(script);
    }

    CompletableFuture<Reply> apply(String[] keys, String[] args) {
        return call(CommandType.EVALSHA, sha, keys, args)
                .exceptionallyCompose(failure -> isNoScript(failure)
                        ? call(CommandType.EVAL, script, keys, args)
                        : CompletableFuture.failedFuture(failure))
                .thenApply(ApplyScript::reply);
    }

    private CompletableFuture<List<Object>> call(CommandType command, String scriptOrSha, String[] keys,
                                                 String[] args) {
        CommandArgs<String, String> arguments = new CommandArgs<>(StringCodec.UTF8).add(scriptOrSha)
                .add(keys.length).addKeys(keys);
        return redis.dispatch(command, new NestedMultiOutput<>(StringCodec.UTF8),
                Utf8Arguments.values(arguments, args)).toCompletableFuture();
    }

    private static Reply reply(List<Object> values) {
        if ("OK".equals(String.valueOf(values.get(0)))) {
            return new Reply(true, null, List.of());
        }
        List<String> crowded = values.subList(2, values.size()).stream().map(String::valueOf).toList();
        return new Reply(false, String.valueOf(values.get(1)), crowded);
    }

    private static boolean isNoScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisNoScriptException) {
                return true;
            }
        }
        return false;
    }

    private static String load() {
        try (InputStream in = ApplyScript.class.getResourceAsStream("apply-batch.lua")) {
            if (in == null) {
                throw new IllegalStateException("apply-batch.lua is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
