package io.trackingsystem.routes.contract;

/**
 * The public keys that verify access tokens, as the user-service publishes them and gateways read them.
 *
 * <p>Owner: the user-service. Every replica publishes the public half of its signing key every 15 s; the private
 * half is never stored (it comes from {@code JWT_PRIVATE_KEY}, or is generated in the replica's memory). A key stays
 * published until no token it signed can still be valid, so tokens keep passing after their replica stopped.
 */
public final class AccessTokenKeys {

    /** HASH key id ({@code kid}) → PEM public key, EC P-256, X.509. No TTL; entries leave with {@link #VALID_UNTIL}. */
    public static final String PUBLIC_KEYS = "auth:jwt:public-keys";
    /**
     * ZSET key id → epoch ms after which no token signed with it is valid any more: its last publication plus the
     * access-token lifetime and a margin. Keys past it are removed from both. No TTL.
     */
    public static final String VALID_UNTIL = "auth:jwt:public-keys:valid-until";

    private AccessTokenKeys() {
    }
}
