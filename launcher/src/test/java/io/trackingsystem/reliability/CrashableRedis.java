package io.trackingsystem.reliability;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.routes.testing.RedisFixture;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A redis-server of the test's own (the embedded-redis binary, 6.2), persisting to an append-only file in a temporary
 * folder, that can be crashed with SIGKILL and started again on the same port with the same data.
 */
final class CrashableRedis implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final RedisServer server;

    private CrashableRedis(Path dir, int port, RedisServer server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** @param appendfsync {@code always}, {@code everysec} or {@code no} */
    static CrashableRedis start(String appendfsync) {
        try {
            Path dir = Files.createTempDirectory("crashable-redis");
            int port = RedisFixture.freePort();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("appendfsync " + appendfsync)
                    .setting("save \"\"")
                    .build();
            server.start();
            return new CrashableRedis(dir, port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown, no final write of the append-only file. */
    void crash() {
        long pid = query(commands -> commands.info("server").lines()
                .filter(line -> line.startsWith("process_id:"))
                .map(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                .findFirst().orElseThrow());
        ProcessHandle redis = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no redis-server process " + pid));
        redis.destroyForcibly();
        try {
            redis.onExit().get(10, TimeUnit.SECONDS);
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException("redis-server did not die", e);
        }
    }

    /** Starts again on the same port; returns once the append-only file is loaded and Redis accepts commands. */
    void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart redis-server", e);
        }
    }

    private <T> T query(Function<RedisCommands<String, String>, T> question) {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return question.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
