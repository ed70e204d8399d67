package io.trackingsystem.gateway.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers looked up elsewhere, kept for a few seconds so the hot path costs no round trip, and re-checked after
 * that so that a change reaches every gateway within the freshness. Lookups of one key at a time are shared. While
 * a lookup fails, a known answer is served for up to {@code stale}.
 *
 * <p>Known and unknown answers are bounded separately: anyone can make up unknown keys, so a flood of them only
 * ever displaces other unknown keys, never a tenant's entry. A full known side first drops entries past their
 * stale time; if it is still full, new answers are served uncached.
 */
public final class FreshCache<K, V> {

    private final long freshMs;
    private final long unknownFreshMs;
    private final long staleMs;
    private final int maxKnown;
    private final int maxUnknown;
    private final Map<K, Entry<V>> known = new ConcurrentHashMap<>();
    private final Map<K, Long> unknown = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<Optional<V>>> lookups = new ConcurrentHashMap<>();

    public FreshCache(Duration fresh, Duration unknownFresh, Duration stale, int maxKnown, int maxUnknown) {
        this.freshMs = fresh.toMillis();
        this.unknownFreshMs = unknownFresh.toMillis();
        this.staleMs = stale.toMillis();
        this.maxKnown = maxKnown;
        this.maxUnknown = maxUnknown;
    }

    public CompletionStage<Optional<V>> get(K key, Function<K, CompletionStage<Optional<V>>> loader) {
        long now = System.currentTimeMillis();
        Entry<V> entry = known.get(key);
        if (entry != null && now < entry.freshUntil()) {
            return CompletableFuture.completedFuture(Optional.of(entry.value()));
        }
        Long unknownUntil = unknown.get(key);
        if (entry == null && unknownUntil != null && now < unknownUntil) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<V>> lookup = lookups.computeIfAbsent(key, k -> load(k, loader));
        // Outside computeIfAbsent: a lookup that completes at once must not touch the map while it is updated.
        lookup.whenComplete((answer, failure) -> lookups.remove(key, lookup));
        if (entry != null && now < entry.staleUntil()) {
            return lookup.exceptionally(failure -> Optional.of(entry.value()));
        }
        return lookup;
    }

    private CompletableFuture<Optional<V>> load(K key, Function<K, CompletionStage<Optional<V>>> loader) {
        CompletableFuture<Optional<V>> loaded;
        try {
            loaded = loader.apply(key).toCompletableFuture();
        } catch (RuntimeException e) {
            loaded = CompletableFuture.failedFuture(e);
        }
        return loaded.thenApply(answer -> remember(key, answer));
    }

    private Optional<V> remember(K key, Optional<V> answer) {
        long now = System.currentTimeMillis();
        if (answer.isEmpty()) {
            known.remove(key);
            if (unknown.size() >= maxUnknown) {
                unknown.clear();
            }
            unknown.put(key, now + unknownFreshMs);
            return answer;
        }
        unknown.remove(key);
        if (known.size() >= maxKnown && !known.containsKey(key)) {
            known.values().removeIf(entry -> entry.staleUntil() <= now);
        }
        if (known.size() < maxKnown || known.containsKey(key)) {
            known.put(key, new Entry<>(answer.get(), now + freshMs, now + staleMs));
        }
        return answer;
    }

    /** The answer held for {@code key} now, fresh or not, without a lookup. */
    public Optional<V> peek(K key) {
        Entry<V> entry = known.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** Forgets a key, so its next use looks it up again. */
    public void evict(K key) {
        known.remove(key);
        unknown.remove(key);
    }

    public void evictIf(Predicate<K> matching) {
        known.keySet().removeIf(matching);
        unknown.keySet().removeIf(matching);
    }

    int knownSize() {
        return known.size();
    }

    int unknownSize() {
        return unknown.size();
    }

    private record Entry<V>(V value, long freshUntil, long staleUntil) {
    }
}
