package io.trackingsystem.routes.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One Redis client per service instance. Lettuce connections are thread-safe and pipeline on their own, so one
 * shared connection carries all ordinary commands. Blocking reads and subscriptions get their own connections.
 *
 * <p>Commands fail at once while the connection is down, instead of queueing: callers answer 503 rather than hang.
 * Reconnection is retried at least every second, for as long as Redis stays away.
 */
public final class Redis implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Lettuce's default backs off to 30 s between reconnection attempts, which would keep a service down for up to
     * 30 s after a long Redis outage ended. Capped at one second, service resumes within a second of Redis' return.
     */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;
    private volatile StatefulRedisConnection<byte[], byte[]> binary;

    private Redis(String url) {
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        this.shared = client.connect();
    }

    public static Redis connect(String url) {
        return new Redis(url);
    }

    /** The shared, pipelining connection's async commands. */
    public RedisAsyncCommands<String, String> async() {
        return shared.async();
    }

    /**
     * A shared, pipelining connection for binary values (stored event blocks), opened on first use. Keys and
     * values are bytes; callers encode their key names as UTF-8.
     */
    public RedisAsyncCommands<byte[], byte[]> binary() {
        StatefulRedisConnection<byte[], byte[]> connection = binary;
        if (connection == null) {
            synchronized (this) {
                connection = binary;
                if (connection == null) {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                    binary = connection;
                }
            }
        }
        return connection.async();
    }

    /** A connection of its own, for blocking commands such as XREADGROUP ... BLOCK. Close it when done. */
    public StatefulRedisConnection<String, String> dedicated() {
        return client.connect();
    }

    /** A new pub/sub connection. Close it when done. */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub();
    }

    public boolean isConnected() {
        return shared.isOpen();
    }

    @Override
    public void close() {
        shared.close();
        if (binary != null) {
            binary.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown();
    }
}
