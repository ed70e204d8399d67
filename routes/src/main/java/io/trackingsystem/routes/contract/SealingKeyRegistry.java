package io.trackingsystem.routes.contract;

import java.util.Optional;

/**
 * Where a service's replicas advertise the public keys that callers seal secret-bearing requests to: one HASH per
 * service, {@code rpc:{<service>}:sealing-keys}, in the slot of the service's request stream. Field: a key id.
 * Value: {@code <expires-at-ms> <X25519 public key, X.509, base64url>}.
 *
 * <p>Owner: the service's request workers. Each replica rewrites its own entry every second with an expiry a few
 * seconds ahead, and removes entries whose expiry has passed, so the hash holds the keys of live replicas only.
 * The private halves never leave the replicas' memory. No TTL.
 */
public final class SealingKeyRegistry {

    private SealingKeyRegistry() {
    }

    public static String of(String service) {
        return "rpc:{" + service + "}:sealing-keys";
    }

    public static String entry(long expiresAtMillis, String publicKey) {
        return expiresAtMillis + " " + publicKey;
    }

    /** An entry's expiry and public key; empty for anything else. */
    public static Optional<Entry> parse(String value) {
        int space = value == null ? -1 : value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(Long.parseLong(value.substring(0, space)), value.substring(space + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public record Entry(long expiresAtMillis, String publicKey) {
    }
}
