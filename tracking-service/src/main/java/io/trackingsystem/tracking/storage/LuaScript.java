package io.trackingsystem.tracking.storage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
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
 * A Lua script of this package's resources, called by its SHA and sent whole on the first NOSCRIPT (after a Redis
 * restart or failover). Arguments and replies are bytes, since some carry event blocks.
 */
public final class LuaScript {

    private final String name;
    private final byte[] script;
    private final byte[] sha;

    private LuaScript(String name) {
        this.name = name;
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.sha = sha1(script).getBytes(StandardCharsets.US_ASCII);
    }

    public static LuaScript named(String name) {
        return new LuaScript(name);
    }

    public CompletableFuture<List<Object>> call(RedisClusterAsyncCommands<byte[], byte[]> redis, List<byte[]> keys,
                                                List<byte[]> args) {
        return dispatch(redis, CommandType.EVALSHA, sha, keys, args)
                .exceptionallyCompose(failure -> isNoScript(failure)
                        ? dispatch(redis, CommandType.EVAL, script, keys, args)
                        : CompletableFuture.failedFuture(failure));
    }

    private static CompletableFuture<List<Object>> dispatch(RedisClusterAsyncCommands<byte[], byte[]> redis,
                                                            CommandType command, byte[] scriptOrSha,
                                                            List<byte[]> keys, List<byte[]> args) {
        CommandArgs<byte[], byte[]> arguments = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(scriptOrSha)
                .add(keys.size());
        keys.forEach(arguments::addKey);
        args.forEach(arguments::add);
        return redis.dispatch(command, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), arguments)
                .toCompletableFuture();
    }

    private static boolean isNoScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisNoScriptException) {
                return true;
            }
        }
        return false;
    }

    private static String sha1(byte[] text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
