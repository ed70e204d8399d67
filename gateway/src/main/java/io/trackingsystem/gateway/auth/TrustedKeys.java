package io.trackingsystem.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys access tokens may be signed with, by key id, as the user-service publishes them. Only EC keys are
 * kept: verification is pinned to ES256, and no other kind of key could pass for one.
 */
final class TrustedKeys {

    /** Unknown ids look the keys up again at most this often, so forged ids cannot make every request a read. */
    static final Duration LOOKUP_INTERVAL = Duration.ofMillis(500);

    private volatile Map<String, PublicKey> keys = Map.of();
    /** Parsed keys by PEM, so a periodic reload of unchanged keys parses nothing. */
    private volatile Map<String, PublicKey> parsed = Map.of();
    private volatile Runnable lookup = () -> { };
    private long lookedUpAt;

    /**
     * The key published under {@code keyId}. An id not known yet is looked up at once: a user-service replica that
     * has just started signs with a key of its own, and its first tokens come back before the periodic reload.
     */
    Optional<PublicKey> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        PublicKey key = keys.get(keyId);
        if (key == null && lookUpAgain()) {
            key = keys.get(keyId);
        }
        return Optional.ofNullable(key);
    }

    /** What {@link #find} runs to look keys up again; it should call {@link #replaceWith}. */
    void lookUpWith(Runnable lookup) {
        this.lookup = lookup;
    }

    private synchronized boolean lookUpAgain() {
        long now = System.currentTimeMillis();
        if (now - lookedUpAt < LOOKUP_INTERVAL.toMillis()) {
            return false;
        }
        lookedUpAt = now;
        lookup.run();
        return true;
    }

    int size() {
        return keys.size();
    }

    /** Trusts exactly these PEM keys from now on; entries that do not parse are skipped. */
    void replaceWith(Map<String, String> pemById) {
        Map<String, PublicKey> next = new HashMap<>();
        Map<String, PublicKey> nextParsed = new HashMap<>();
        pemById.forEach((id, pem) -> {
            PublicKey key = parsed.containsKey(pem) ? parsed.get(pem) : parse(pem);
            if (key != null) {
                next.put(id, key);
                nextParsed.put(pem, key);
            }
        });
        keys = Map.copyOf(next);
        parsed = Map.copyOf(nextParsed);
    }

    private static PublicKey parse(String pem) {
        try {
            String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            return key instanceof ECPublicKey ? key : null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
