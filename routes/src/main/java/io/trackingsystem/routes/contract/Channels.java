package io.trackingsystem.routes.contract;

/**
 * Pub/sub channels that carry announcements between services. Delivery is at most once, so every receiver also
 * re-reads what it caches within seconds; an announcement only makes a change take effect sooner.
 */
public final class Channels {

    /**
     * The digest ({@link AccessKeys#digest}) of a deleted API key. The user-service announces it; gateways evict it
     * from their key caches.
     */
    public static final String API_KEYS_REVOKED = "api-keys.revoked";
    /** Lines of {@code <sessionId> <refuse-until-ms>}, sent by the user-service as sessions are revoked. */
    public static final String SESSIONS_REVOKED = "auth.sessions-revoked";
    /**
     * Who may read what changed: {@code site:<id>}, {@code team:<id>} or {@code share:<digest>}. The user-service
     * announces it after a site's deletion, a member's removal or role change, or a share's revocation; gateways
     * drop what they cached about it and re-check open live streams.
     */
    public static final String ACCESS_CHANGED = "access.changed";

    private Channels() {
    }
}
