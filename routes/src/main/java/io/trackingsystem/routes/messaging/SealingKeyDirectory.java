package io.trackingsystem.routes.messaging;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.SealingKeyRegistry;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A caller's view of the keys a service's live replicas advertise in {@link SealingKeyRegistry}: read at most once
 * per {@link #FRESH_MS}, shared by every request sent meanwhile.
 */
final class SealingKeyDirectory {

    private static final long FRESH_MS = 1000;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final String registry;
    private final AtomicReference<CompletableFuture<Snapshot>> loading = new AtomicReference<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);
    /** Parsed keys by their advertised text, so an unchanged key is parsed once. */
    private volatile Map<String, PublicKey> parsed = Map.of();

    SealingKeyDirectory(RedisClusterAsyncCommands<String, String> redis, String service) {
        this.redis = redis;
        this.registry = SealingKeyRegistry.of(service);
    }

    /** The keys advertised and not yet expired; empty when no replica runs. Fails when Redis does not answer. */
    CompletableFuture<List<SealedBox.Recipient>> live() {
        Snapshot current = snapshot;
        if (System.currentTimeMillis() - current.loadedAt() < FRESH_MS) {
            return CompletableFuture.completedFuture(current.live());
        }
        return load().thenApply(Snapshot::live);
    }

    private CompletableFuture<Snapshot> load() {
        CompletableFuture<Snapshot> next = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = loading.compareAndExchange(null, next);
        if (running != null) {
            return running;
        }
        try {
            redis.hgetall(registry).whenComplete((entries, failure) -> {
                loading.set(null);
                if (failure != null) {
                    next.completeExceptionally(failure);
                } else {
                    snapshot = read(entries);
                    next.complete(snapshot);
                }
            });
        } catch (RuntimeException e) {
            loading.set(null);
            next.completeExceptionally(e);
        }
        return next;
    }

    private Snapshot read(Map<String, String> entries) {
        Map<String, PublicKey> known = parsed;
        Map<String, PublicKey> nextParsed = new HashMap<>();
        List<Advertised> keys = new ArrayList<>();
        entries.forEach((keyId, value) -> SealingKeyRegistry.parse(value).ifPresent(entry -> {
            try {
                PublicKey key = known.containsKey(entry.publicKey()) ? known.get(entry.publicKey())
                        : SealedBox.decodePublic(entry.publicKey());
                nextParsed.put(entry.publicKey(), key);
                keys.add(new Advertised(new SealedBox.Recipient(keyId, key), entry.expiresAtMillis()));
            } catch (IllegalArgumentException notAKey) {
                // skipped: no caller can seal to it
            }
        }));
        parsed = Map.copyOf(nextParsed);
        return new Snapshot(List.copyOf(keys), System.currentTimeMillis());
    }

    private record Advertised(SealedBox.Recipient recipient, long expiresAt) {
    }

    private record Snapshot(List<Advertised> keys, long loadedAt) {

        List<SealedBox.Recipient> live() {
            long now = System.currentTimeMillis();
            return keys.stream().filter(key -> key.expiresAt() > now).map(Advertised::recipient).toList();
        }
    }
}
