package io.trackingsystem.routes.messaging;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.trackingsystem.routes.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The caller's side of request/reply: one subscription to this instance's reply channel, and the requests still
 * waiting for an answer, by correlation id. A reply that arrives after its request timed out is dropped.
 */
final class Replies implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final String channel;
    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, CompletableFuture<Envelope.Reply>> waiting = new ConcurrentHashMap<>();
    private final StatefulRedisPubSubConnection<String, String> subscription;

    Replies(Redis redis, String instanceId) {
        this.channel = Messaging.replyChannel(instanceId);
        this.idPrefix = instanceId + "-";
        this.subscription = redis.pubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String frame) {
                complete(frame);
            }
        });
        // Subscribed before the first request leaves, so no early reply is missed.
        subscription.sync().subscribe(channel);
    }

    String channel() {
        return channel;
    }

    String nextId() {
        return idPrefix + sequence.incrementAndGet();
    }

    /** Registers interest in a reply; the future fails with {@link java.util.concurrent.TimeoutException}. */
    CompletableFuture<Envelope.Reply> expect(String id, Duration timeout) {
        CompletableFuture<Envelope.Reply> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, failure) -> waiting.remove(id));
        return reply;
    }

    void fail(String id, Throwable failure) {
        CompletableFuture<Envelope.Reply> reply = waiting.remove(id);
        if (reply != null) {
            reply.completeExceptionally(failure);
        }
    }

    int waitingCount() {
        return waiting.size();
    }

    private void complete(String frame) {
        try {
            Envelope.Reply reply = Envelope.Reply.parse(frame);
            CompletableFuture<Envelope.Reply> future = waiting.remove(reply.id());
            if (future != null) {
                future.complete(reply);
            }
        } catch (RuntimeException e) {
            LOG.warn("Dropped a malformed reply on {}: {}", channel, e.toString());
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
