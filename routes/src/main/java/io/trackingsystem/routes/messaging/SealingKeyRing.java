package io.trackingsystem.routes.messaging;

import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.contract.SealingKeyRegistry;
import io.trackingsystem.routes.redis.Redis;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One replica's X25519 key pairs for opening sealed requests. The private halves exist only here, in memory; the
 * public half of the current pair is advertised in {@link SealingKeyRegistry} with each beat. Every
 * {@code rotation} a new pair takes over; the previous one still opens requests for {@link #RETIRED_FOR}, since
 * callers may have sealed to it just before they saw the new one.
 */
final class SealingKeyRing {

    static final Duration ROTATION = Duration.ofMinutes(10);
    /** An advertised key expires this long after the last beat that renewed it: a dead replica's key goes soon. */
    static final Duration ADVERTISED_FOR = Duration.ofSeconds(10);
    static final Duration RETIRED_FOR = Duration.ofMinutes(5);

    /** Writes this replica's entry, drops the retired one and every expired entry: one key, one slot. */
    private static final String ADVERTISE = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if ARGV[4] ~= '' then redis.call('HDEL', KEYS[1], ARGV[4]) end
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local expires = tonumber(string.match(all[i + 1], '^(%d+) '))
              if not expires or expires < tonumber(ARGV[3]) then redis.call('HDEL', KEYS[1], all[i]) end
            end
            return 1
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Redis redis;
    private final String registry;
    private final Duration rotation;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile String currentId;
    private long rotateAt;

    SealingKeyRing(Redis redis, String service, Duration rotation) {
        this.redis = redis;
        this.registry = SealingKeyRegistry.of(service);
        this.rotation = rotation;
    }

    /** Rotates when due, then advertises the current key; fails when Redis does not answer within a second. */
    synchronized void advertise() throws Exception {
        long now = System.currentTimeMillis();
        String retired = "";
        if (currentId == null || now >= rotateAt) {
            retired = currentId == null ? "" : currentId;
            rotate(now);
        }
        held.values().removeIf(key -> key.forgetAt() <= now);
        String entry = SealingKeyRegistry.entry(now + ADVERTISED_FOR.toMillis(),
                SealedBox.encode(held.get(currentId).pair().getPublic()));
        redis.async().eval(ADVERTISE, ScriptOutputType.INTEGER, new String[]{registry}, currentId, entry,
                Long.toString(now), retired).get(1, TimeUnit.SECONDS);
    }

    /** Stops advertising, so callers stop sealing to this replica at once; failures only delay that. */
    void withdraw() {
        String id = currentId;
        if (id != null) {
            try {
                redis.async().hdel(registry, id).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the entry expires by itself within ADVERTISED_FOR
            }
        }
    }

    /** A pair this replica holds under {@code keyId}, current or recently retired. */
    Optional<KeyPair> keyPair(String keyId) {
        Held key = keyId == null ? null : held.get(keyId);
        return key == null ? Optional.empty() : Optional.of(key.pair());
    }

    String currentId() {
        return currentId;
    }

    /** Every pair held now; for tests that look for the private halves where they must not be. */
    Iterable<KeyPair> pairs() {
        return held.values().stream().map(Held::pair).toList();
    }

    private void rotate(long now) {
        if (currentId != null) {
            held.computeIfPresent(currentId, (id, key) -> new Held(key.pair(), now + RETIRED_FOR.toMillis()));
        }
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        held.put(next, new Held(SealedBox.newKeyPair(), Long.MAX_VALUE));
        currentId = next;
        rotateAt = now + rotation.toMillis();
    }

    private record Held(KeyPair pair, long forgetAt) {
    }
}
