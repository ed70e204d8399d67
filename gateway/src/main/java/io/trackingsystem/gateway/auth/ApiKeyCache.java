package io.trackingsystem.gateway.auth;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves API keys to the account that owns them, without a round trip on the hot path. The user-service answers
 * misses; a broadcast on {@link #REVOKED_CHANNEL} evicts a key on every gateway at once. Broadcasts can be lost, so
 * entries are also re-checked after {@code FRESH}: a replaced key is refused everywhere within 5 seconds either way.
 * While the user-service cannot answer, a known key keeps working for up to {@code STALE} so ingestion outlives a
 * user-service outage.
 */
public final class ApiKeyCache {

    /** Carries a revoked API key to every gateway. */
    public static final String REVOKED_CHANNEL = "api-keys.revoked";
    /** The user-service operation that answers a key with its account id, or 404; sealed, as it carries the key. */
    public static final String RESOLVE = "service:user-service?operation=resolveApiKey&sealed=true";

    private static final String BEAN = "apiKeyCache";
    private static final Duration FRESH = Duration.ofSeconds(3);
    private static final Duration STALE = Duration.ofHours(1);
    private static final Duration UNKNOWN = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 100_000;

    private final ProducerTemplate template;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<String>>> lookups = new ConcurrentHashMap<>();

    private ApiKeyCache(CamelContext context) {
        this.template = context.createProducerTemplate();
    }

    /** The context's one cache, so every route of a gateway shares it. */
    public static synchronized ApiKeyCache in(CamelContext context) {
        ApiKeyCache cache = context.getRegistry().lookupByNameAndType(BEAN, ApiKeyCache.class);
        if (cache == null) {
            cache = new ApiKeyCache(context);
            context.getRegistry().bind(BEAN, cache);
        }
        return cache;
    }

    /** The account owning {@code apiKey}, or empty when no account has it. Fails only when nobody can tell. */
    public CompletionStage<Optional<String>> accountFor(String apiKey) {
        long now = System.currentTimeMillis();
        Entry entry = entries.get(apiKey);
        if (entry != null && now < entry.freshUntil()) {
            return CompletableFuture.completedFuture(entry.account());
        }
        CompletableFuture<Optional<String>> lookup = lookups.computeIfAbsent(apiKey, this::lookUp);
        if (entry != null && entry.account().isPresent() && now < entry.staleUntil()) {
            return lookup.exceptionally(failure -> entry.account());
        }
        return lookup;
    }

    /** Forgets a key at once: it was rotated or its account removed. */
    public void evict(String apiKey) {
        entries.remove(apiKey);
    }

    private CompletableFuture<Optional<String>> lookUp(String apiKey) {
        return template.asyncSend(RESOLVE, exchange -> exchange.getMessage().setBody(apiKey))
                .thenApply(reply -> remember(apiKey, answer(reply)))
                .whenCompleteAsync((account, failure) -> lookups.remove(apiKey));
    }

    private static Optional<String> answer(Exchange reply) {
        if (reply.getException() != null) {
            throw new IllegalStateException("API keys cannot be checked now", reply.getException());
        }
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new IllegalStateException("API key lookup answered " + status);
        }
        return Optional.of(reply.getMessage().getBody(String.class));
    }

    private Optional<String> remember(String apiKey, Optional<String> account) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        long now = System.currentTimeMillis();
        Duration fresh = account.isPresent() ? FRESH : UNKNOWN;
        entries.put(apiKey, new Entry(account, now + fresh.toMillis(), now + STALE.toMillis()));
        return account;
    }

    private record Entry(Optional<String> account, long freshUntil, long staleUntil) {
    }
}
