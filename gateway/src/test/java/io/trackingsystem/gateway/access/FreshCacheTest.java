package io.trackingsystem.gateway.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FreshCacheTest {

    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void aFloodOfUnknownKeysNeverEvictsAKnownOne() {
        FreshCache<String, String> cache = new FreshCache<>(Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofHours(1), 10, 100);
        get(cache, "tenant");

        for (int i = 0; i < 10_000; i++) {
            get(cache, "junk-" + i);
        }

        assertThat(cache.peek("tenant")).contains("site-of-tenant");
        assertThat(cache.unknownSize()).isLessThanOrEqualTo(100);
        int before = lookups.get();
        assertThat(get(cache, "tenant")).contains("site-of-tenant");
        assertThat(lookups.get()).as("served from the cache").isEqualTo(before);
    }

    @Test
    void aFullKnownSideServesNewAnswersUncachedRatherThanEvictingTenants() {
        FreshCache<String, String> cache = new FreshCache<>(Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofHours(1), 2, 100);
        get(cache, "first");
        get(cache, "second");

        assertThat(get(cache, "third")).contains("site-of-third");

        assertThat(cache.knownSize()).isEqualTo(2);
        assertThat(cache.peek("first")).isPresent();
        assertThat(cache.peek("third")).isEmpty();
    }

    @Test
    void aKnownAnswerOutlivesFailingLookupsUntilItIsStale() {
        FreshCache<String, String> cache = new FreshCache<>(Duration.ZERO, Duration.ZERO, Duration.ofHours(1), 10,
                10);
        get(cache, "tenant");

        Optional<String> whileFailing = cache.get("tenant", key -> CompletableFuture.failedFuture(
                new IllegalStateException("Redis is away"))).toCompletableFuture().join();

        assertThat(whileFailing).contains("site-of-tenant");
    }

    private Optional<String> get(FreshCache<String, String> cache, String key) {
        return cache.get(key, k -> {
            lookups.incrementAndGet();
            return CompletableFuture.completedFuture(k.startsWith("junk") ? Optional.empty()
                    : Optional.of("site-of-" + k));
        }).toCompletableFuture().join();
    }
}
