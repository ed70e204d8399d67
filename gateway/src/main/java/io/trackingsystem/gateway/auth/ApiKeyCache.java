package io.trackingsystem.gateway.auth;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.gateway.access.FreshCache;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Channels;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves API keys to the site they open and their kind, without a round trip on the hot path. A miss reads the
 * key's index entry ({@link AccessKeys#apiKey}, one HMGET of its digest) straight from Redis: unknown keys cost
 * one read each and never reach the user-service, so a flood of made-up keys cannot queue in front of sign-ins.
 * Unknown keys are remembered for a few seconds in a bound of their own, so the flood cannot evict any tenant.
 * A broadcast on {@link #REVOKED_CHANNEL} evicts a key at once; entries are re-checked after 3 s anyway, so a
 * deleted key is refused everywhere within 5 s. While Redis cannot answer, a known key keeps working for an hour.
 */
public final class ApiKeyCache {

    /** Carries the digest of a deleted API key to every gateway. */
    public static final String REVOKED_CHANNEL = Channels.API_KEYS_REVOKED;

    private static final String BEAN = "apiKeyCache";
    static final Duration FRESH = Duration.ofSeconds(3);
    private static final Duration UNKNOWN = Duration.ofSeconds(5);
    private static final Duration STALE = Duration.ofHours(1);
    static final int MAX_KNOWN = 100_000;
    static final int MAX_UNKNOWN = 20_000;
    /** Last-used times are written at most this often per key and gateway. */
    private static final long USED_WRITE_MS = 60_000;
    private static final String MARK_USED = """
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
            return 1
            """;

    private final Redis redis;
    private final FreshCache<String, Grant> grants = new FreshCache<>(FRESH, UNKNOWN, STALE, MAX_KNOWN,
            MAX_UNKNOWN);
    private final Map<String, Long> usedWritten = new ConcurrentHashMap<>();
    private final List<Runnable> evictionListeners = new CopyOnWriteArrayList<>();

    /** What a key opens: a site, for writing events or reading its stats. */
    public record Grant(String site, String kind, String keyId) {

        public boolean writes() {
            return AccessKeys.WRITE_KIND.equals(kind);
        }

        public boolean readsStats() {
            return AccessKeys.STATS_KIND.equals(kind);
        }
    }

    private ApiKeyCache(Redis redis) {
        this.redis = redis;
    }

    /** The context's one cache, so every route of a gateway shares it. */
    public static synchronized ApiKeyCache in(CamelContext context) {
        ApiKeyCache cache = context.getRegistry().lookupByNameAndType(BEAN, ApiKeyCache.class);
        if (cache == null) {
            cache = new ApiKeyCache(context.getRegistry().lookupByNameAndType("redis", Redis.class));
            context.getRegistry().bind(BEAN, cache);
        }
        return cache;
    }

    /** The site a write key belongs to; empty for anything else. Fails only when nobody can tell. */
    public CompletionStage<Optional<String>> accountFor(String writeKey) {
        return grantFor(writeKey).thenApply(grant -> grant.filter(Grant::writes).map(Grant::site));
    }

    /** What a key of either kind opens; empty for malformed or unknown keys, which are not looked up. */
    public CompletionStage<Optional<Grant>> grantFor(String key) {
        Optional<String> canonical = KeyFormat.canonical(key);
        if (canonical.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String digest = AccessKeys.digest(canonical.get());
        return grants.get(digest, this::lookUp).thenApply(grant -> {
            grant.ifPresent(found -> markUsed(digest));
            return grant;
        });
    }

    /** What the key of this digest opens, as {@link #grantFor} tells it. */
    public CompletionStage<Optional<Grant>> grantForDigest(String digest) {
        return grants.get(digest, this::lookUp);
    }

    /** Forgets a key at once, named by its digest as announced (or by the key itself). */
    public void evict(String digestOrKey) {
        if (digestOrKey == null) {
            return;
        }
        grants.evict(digestOrKey);
        KeyFormat.canonical(digestOrKey).ifPresent(key -> grants.evict(AccessKeys.digest(key)));
        evictionListeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every eviction, so that whatever a key opened is checked again at once. */
    public void whenEvicted(Runnable listener) {
        evictionListeners.add(listener);
    }

    /** Whether the key's answer is held here now; for tests of the bounds. */
    boolean holds(String key) {
        return grants.peek(AccessKeys.digest(key)).isPresent();
    }

    private CompletionStage<Optional<Grant>> lookUp(String digest) {
        return redis.async().hmget(AccessKeys.apiKey(digest), AccessKeys.KEY_KIND, AccessKeys.GRANT_SITE,
                AccessKeys.GRANT_ID).thenApply(ApiKeyCache::grant);
    }

    private static Optional<Grant> grant(List<KeyValue<String, String>> fields) {
        if (fields.size() < 3 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
            return Optional.empty();
        }
        return Optional.of(new Grant(fields.get(1).getValue(), fields.get(0).getValue(),
                fields.get(2).getValueOrElse("")));
    }

    private void markUsed(String digest) {
        long now = System.currentTimeMillis();
        Long last = usedWritten.get(digest);
        if (last != null && now - last < USED_WRITE_MS) {
            return;
        }
        if (usedWritten.size() >= MAX_KNOWN) {
            usedWritten.clear();
        }
        usedWritten.put(digest, now);
        redis.async().eval(MARK_USED, ScriptOutputType.INTEGER, new String[]{AccessKeys.apiKey(digest)},
                AccessKeys.KEY_USED_AT, Long.toString(now));
    }
}
