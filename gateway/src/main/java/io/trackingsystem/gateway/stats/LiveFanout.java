package io.trackingsystem.gateway.stats;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.trackingsystem.routes.contract.LiveChannel;
import io.trackingsystem.routes.redis.Redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's one Redis subscription for live views: a site's channel is subscribed while at least one of
 * its streams is open here, and each message is fanned out to those streams. Browsers never hold Redis
 * connections.
 */
final class LiveFanout implements AutoCloseable {

    private final StatefulRedisPubSubConnection<String, String> connection;
    private final Map<String, Set<LiveClient>> byChannel = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> subscribed = new HashMap<>();

    LiveFanout(Redis redis) {
        this.connection = redis.pubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Set<LiveClient> clients = byChannel.get(channel);
                if (clients != null && !clients.isEmpty()) {
                    String frames = LiveEvents.frames(message);
                    clients.forEach(client -> client.send(frames));
                }
            }
        });
    }

    /** The channel of a site's newly stored events. */
    static String channel(String site) {
        return LiveChannel.of(site);
    }

    /**
     * Adds a stream; completes once its channel is subscribed. Null when the site already has {@code limit}
     * streams open here.
     */
    synchronized CompletionStage<Void> add(LiveClient client, int limit) {
        String channel = channel(client.site());
        Set<LiveClient> clients = byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet());
        if (clients.size() >= limit) {
            return null;
        }
        clients.add(client);
        return subscribed.computeIfAbsent(channel, c -> connection.async().subscribe(c).toCompletableFuture());
    }

    synchronized void remove(LiveClient client) {
        String channel = channel(client.site());
        Set<LiveClient> clients = byChannel.get(channel);
        if (clients != null && clients.remove(client) && clients.isEmpty()) {
            byChannel.remove(channel);
            subscribed.remove(channel);
            connection.async().unsubscribe(channel);
        }
    }

    List<LiveClient> clients() {
        List<LiveClient> all = new ArrayList<>();
        byChannel.values().forEach(all::addAll);
        return all;
    }

    @Override
    public void close() {
        clients().forEach(LiveClient::close);
        connection.close();
    }
}
