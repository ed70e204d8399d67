package io.trackingsystem.users;

/**
 * Every Redis key and channel the user-service writes. Keys of one account carry its id in the hash tag
 * {@code {t:<userId>}}, so a script touching them stays in one slot. The keys that verify access tokens are named
 * in routes' {@code AccessTokenKeys}. The gateway reads {@link #REVOKED_SESSIONS} and listens on the two channels;
 * their names are part of its contract.
 */
public final class UserKeys {

    /** HASH normalised email → user id. Written in one script with the user. No TTL. */
    public static final String EMAIL_INDEX = "users:by-email";
    /** HASH SHA-256 (hex) of an API key → user id. Written with the user and on rotation. No TTL. */
    public static final String API_KEY_INDEX = "users:by-api-key";
    /**
     * ZSET session id → epoch ms until which its access tokens must be refused (revocation + access TTL). Trimmed of
     * past scores on every write, so it holds the last access-TTL's worth of revocations.
     */
    public static final String REVOKED_SESSIONS = "auth:revoked-sessions";

    /** STRING counter of bcrypt-costing requests in the current second, every replica together. TTL: 1 s. */
    public static final String PASSWORD_CHECKS = "auth:password-checks";

    /** Channel: lines of {@code <sessionId> <refuse-until-ms>}, sent when sessions are revoked. */
    public static final String SESSIONS_REVOKED_CHANNEL = "auth.sessions-revoked";
    /** Channel: a replaced API key, so gateways evict it from their caches at once. */
    public static final String API_KEYS_REVOKED_CHANNEL = "api-keys.revoked";

    private UserKeys() {
    }

    /** HASH id, name, email, passwordHash, apiKey, createdAt, updatedAt. No TTL. */
    public static String user(String userId) {
        return "users:{t:" + userId + "}";
    }

    /** ZSET session id → epoch ms when it expires unless refreshed. TTL: the longest session's. */
    public static String sessionsOf(String userId) {
        return "users:{t:" + userId + "}:sessions";
    }

    /**
     * HASH of one login session (a refresh-token family): {@code current} (SHA-256 of the refresh token now valid),
     * {@code createdAt}, {@code rotatedAt}. TTL: the refresh-token TTL, renewed on every refresh.
     */
    public static String session(String userId, String sessionId) {
        return "sessions:{t:" + userId + "}:" + sessionId;
    }

    /** ZSET SHA-256 of refresh tokens already exchanged → when; presenting one again is reuse. TTL as the session. */
    public static String rotatedTokens(String userId, String sessionId) {
        return session(userId, sessionId) + ":rotated";
    }

    /**
     * STRING counter of failed logins for one email from one client address; the name holds only a hash of both.
     * TTL: the failure window, from the first failure.
     */
    public static String loginFailures(String normalisedEmail, String clientAddress) {
        return "auth:login-failures:" + Secrets.sha256(normalisedEmail + '\n' + clientAddress);
    }

    /** STRING counter of failed logins from one client address, any email; named by a hash. TTL: the window. */
    public static String loginFailuresFrom(String clientAddress) {
        return "auth:login-failures-from:" + Secrets.sha256(clientAddress);
    }

    /** STRING counter of registrations from one client address; named by a hash. TTL: the registration window. */
    public static String registrationsFrom(String clientAddress) {
        return "auth:registrations-from:" + Secrets.sha256(clientAddress);
    }
}
