package io.trackingsystem.gateway.auth;

/**
 * The user-service's Redis keys and channels that the gateway reads. The user-service owns and documents them (its
 * {@code UserKeys}); the gateway never writes them.
 */
final class AuthKeys {

    /** ZSET session id → epoch ms until which access tokens of that session must be refused. */
    static final String REVOKED_SESSIONS = "auth:revoked-sessions";
    /** Channel: lines of {@code <sessionId> <refuse-until-ms>}, sent as sessions are revoked. */
    static final String SESSIONS_REVOKED_CHANNEL = "auth.sessions-revoked";

    private AuthKeys() {
    }
}
