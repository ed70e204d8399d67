package io.trackingsystem.routes.messaging;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Fire-and-forget notifications on Redis pub/sub: {@code to("broadcast:api-keys")} publishes,
 * {@code from("broadcast:api-keys")} receives on every instance. A channel with {@code *} subscribes by pattern.
 * Delivery is at most once: use it to invalidate caches or feed live views, never for data that must not be lost.
 */
public final class BroadcastComponent extends DefaultComponent {

    public static final String SCHEME = "broadcast";

    private final Redis redis;
    private final Map<String, List<BroadcastConsumer>> listeners = new ConcurrentHashMap<>();
    private StatefulRedisPubSubConnection<String, String> subscription;
    /** Deliveries leave Redis's I/O thread, in arrival order, so a route may call Redis itself. */
    private ExecutorService delivery;

    public BroadcastComponent(Redis redis) {
        this.redis = redis;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BroadcastEndpoint endpoint = new BroadcastEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    Redis redis() {
        return redis;
    }

    synchronized void subscribe(String channel, BroadcastConsumer consumer) {
        if (subscription == null) {
            delivery = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "broadcasts");
            subscription = redis.pubSub();
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    deliver(channel, channel, message);
                }

                @Override
                public void message(String pattern, String channel, String message) {
                    deliver(pattern, channel, message);
                }
            });
        }
        List<BroadcastConsumer> consumers = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        if (consumers.isEmpty()) {
            if (isPattern(channel)) {
                subscription.sync().psubscribe(channel);
            } else {
                subscription.sync().subscribe(channel);
            }
        }
        consumers.add(consumer);
    }

    synchronized void unsubscribe(String channel, BroadcastConsumer consumer) {
        List<BroadcastConsumer> consumers = listeners.get(channel);
        if (consumers != null && consumers.remove(consumer) && consumers.isEmpty() && subscription != null
                && subscription.isOpen()) {
            if (isPattern(channel)) {
                subscription.async().punsubscribe(channel);
            } else {
                subscription.async().unsubscribe(channel);
            }
        }
    }

    private void deliver(String subscribedAs, String channel, String message) {
        List<BroadcastConsumer> consumers = listeners.getOrDefault(subscribedAs, List.of());
        if (!consumers.isEmpty()) {
            delivery.execute(() -> consumers.forEach(consumer -> consumer.receive(channel, message)));
        }
    }

    private static boolean isPattern(String channel) {
        return channel.indexOf('*') >= 0;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
            getCamelContext().getExecutorServiceManager().shutdown(delivery);
        }
        listeners.clear();
        super.doStop();
    }
}
