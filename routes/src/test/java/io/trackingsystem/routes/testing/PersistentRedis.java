package io.trackingsystem.routes.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A redis-server of a test's own that persists everything it is told, for tests that read what reached the disk:
 * {@code appendonly yes} with {@code appendfsync always}, and snapshots on demand. {@code rdbcompression no}, so
 * that a value in a snapshot (or in the snapshot that starts a rewritten append-only file) is stored as it is and a
 * search of the file finds it.
 */
public final class PersistentRedis implements AutoCloseable {

    /** Debian's redis-server (7.x), where installed. */
    public static final Path DEBIAN_SERVER = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private final RedisServer server;

    private PersistentRedis(Path dir, int port, RedisServer server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** The embedded-redis binary, Redis 6.2. */
    public static PersistentRedis embedded() {
        return start(Optional.empty());
    }

    /** A given redis-server binary. */
    public static PersistentRedis of(Path executable) {
        return start(Optional.of(executable));
    }

    private static PersistentRedis start(Optional<Path> executable) {
        try {
            Path dir = Files.createTempDirectory("persistent-redis");
            int port = RedisFixture.freePort();
            RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .setting("rdbcompression no")
                    .setting("save \"\"");
            executable.ifPresent(path -> builder.executableProvider(() -> path.toFile()));
            RedisServer server = builder.build();
            server.start();
            return new PersistentRedis(dir, port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public String version() {
        return query(commands -> commands.info("server").lines()
                .filter(line -> line.startsWith("redis_version:")).findFirst().orElse("?").substring(14).trim());
    }

    /** Writes a snapshot (BGSAVE) and returns once it is on disk. */
    public void snapshot() {
        long before = query(RedisCommands::lastsave).getTime();
        query(RedisCommands::bgsave);
        await("BGSAVE finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> query(commands -> commands.info("persistence").contains("rdb_bgsave_in_progress:0")
                        && commands.lastsave().getTime() >= before
                        && Files.exists(dir.resolve("dump.rdb"))));
    }

    /** Every file Redis keeps (append-only files, their manifest, the snapshot), by name, as Latin-1 text. */
    public List<PersistedFile> files() {
        List<PersistedFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new PersistedFile(dir.relativize(path).toString(),
                        new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public <T> T query(Function<RedisCommands<String, String>, T> question) {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return question.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of Redis' files. Latin-1 maps every byte to one character, so UTF-8 text is found by its bytes. */
    public record PersistedFile(String name, String content) {

        public boolean contains(String text) {
            return content.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }
}
