package io.trackingsystem.routes.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real Redis for tests: the one at {@code REDIS_URL} when set, otherwise one embedded redis-server per test JVM,
 * on a free port, without persistence. Each test class should use its own key space or flush.
 */
public final class RedisFixture {

    private static String url;
    private static RedisServer server;

    private RedisFixture() {
    }

    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv("REDIS_URL");
            url = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return url;
    }

    /** Empties the database, so each test starts from nothing. */
    public static void flush() {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String startEmbedded() {
        int port = freePort();
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (IOException ignored) {
                // the JVM is exiting; the child process dies with it
            }
        }));
        return "redis://127.0.0.1:" + port;
    }
}
