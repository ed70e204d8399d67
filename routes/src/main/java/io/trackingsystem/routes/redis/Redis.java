package io.trackingsystem.routes.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One Redis client per service instance, on a single node or on a Redis Cluster ({@link RedisTarget}). Lettuce
 * connections are thread-safe and pipeline on their own, so one shared connection carries all ordinary commands;
 * on a cluster it routes each command to the primary of its key's slot and follows the cluster through
 * failovers. Blocking reads and subscriptions get their own connections. Callers see the commands both modes
 * share, so no code depends on the mode.
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
    /** How often a cluster client re-reads the topology even when no redirection told it to. */
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final Client client;
    private final StatefulConnection<String, String> shared;
    private final RedisClusterAsyncCommands<String, String> sharedCommands;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> binary;
    private volatile StatefulConnection<byte[], byte[]> binaryConnection;

    /** A connection of its own, for blocking commands; close it when done. */
    public interface Dedicated extends AutoCloseable {

        RedisClusterCommands<String, String> sync();

        @Override
        void close();
    }

    private Redis(RedisTarget target) {
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = target.isCluster() ? new Cluster(resources, target) : new Single(resources, target);
        this.shared = client.connect(StringCodec.UTF8);
        this.sharedCommands = commands(shared);
    }

    public static Redis connect(String url) {
        return new Redis(RedisTarget.single(url));
    }

    public static Redis connect(RedisTarget target) {
        return new Redis(target);
    }

    /** The shared, pipelining connection's async commands. */
    public RedisClusterAsyncCommands<String, String> async() {
        return sharedCommands;
    }

    /**
     * A shared, pipelining connection for binary values (stored event blocks), opened on first use. Keys and
     * values are bytes; callers encode their key names as UTF-8.
     */
    public RedisClusterAsyncCommands<byte[], byte[]> binary() {
        RedisClusterAsyncCommands<byte[], byte[]> commands = binary;
        if (commands == null) {
            synchronized (this) {
                commands = binary;
                if (commands == null) {
                    binaryConnection = client.connect(ByteArrayCodec.INSTANCE);
                    commands = commands(binaryConnection);
                    binary = commands;
                }
            }
        }
        return commands;
    }

    /** A connection of its own, for blocking commands such as XREADGROUP ... BLOCK. Close it when done. */
    public Dedicated dedicated() {
        StatefulConnection<String, String> connection = client.connect(StringCodec.UTF8);
        RedisClusterCommands<String, String> sync = connection instanceof StatefulRedisClusterConnection<String, String> c
                ? c.sync() : ((StatefulRedisConnection<String, String>) connection).sync();
        return new Dedicated() {
            @Override
            public RedisClusterCommands<String, String> sync() {
                return sync;
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    /**
     * A new pub/sub connection. Close it when done. On a cluster, PUBLISH reaches the subscribers of every node,
     * so a subscription on any node hears every channel.
     */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub();
    }

    /** True on a Redis Cluster. */
    public boolean isCluster() {
        return client instanceof Cluster;
    }

    public boolean isConnected() {
        return shared.isOpen();
    }

    @Override
    public void close() {
        shared.close();
        if (binaryConnection != null) {
            binaryConnection.close();
        }
        client.shutdown();
        resources.shutdown();
    }

    @SuppressWarnings("unchecked")
    private static <K, V> RedisClusterAsyncCommands<K, V> commands(StatefulConnection<K, V> connection) {
        return connection instanceof StatefulRedisClusterConnection<K, V> cluster ? cluster.async()
                : ((StatefulRedisConnection<K, V>) connection).async();
    }

    /** The two Lettuce clients, behind the few calls this class makes. */
    private sealed interface Client permits Single, Cluster {

        <K, V> StatefulConnection<K, V> connect(RedisCodec<K, V> codec);

        StatefulRedisPubSubConnection<String, String> connectPubSub();

        void shutdown();
    }

    private static final class Single implements Client {

        private final RedisClient client;

        Single(ClientResources resources, RedisTarget target) {
            RedisURI uri = target.node();
            uri.setTimeout(COMMAND_TIMEOUT);
            client = RedisClient.create(resources, uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                    .build());
        }

        @Override
        public <K, V> StatefulConnection<K, V> connect(RedisCodec<K, V> codec) {
            return client.connect(codec);
        }

        @Override
        public StatefulRedisPubSubConnection<String, String> connectPubSub() {
            return client.connectPubSub();
        }

        @Override
        public void shutdown() {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static final class Cluster implements Client {

        private final RedisClusterClient client;

        Cluster(ClientResources resources, RedisTarget target) {
            var seeds = target.seeds();
            seeds.forEach(uri -> uri.setTimeout(COMMAND_TIMEOUT));
            client = RedisClusterClient.create(resources, seeds);
            client.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                    // A failover moves slots: the first MOVED or failed reconnect re-reads the topology at once.
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                            .build())
                    .build());
        }

        @Override
        public <K, V> StatefulConnection<K, V> connect(RedisCodec<K, V> codec) {
            return client.connect(codec);
        }

        @Override
        public StatefulRedisPubSubConnection<String, String> connectPubSub() {
            return client.connectPubSub();
        }

        @Override
        public void shutdown() {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
