package io.trackingsystem.users;

import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Channels;

/**
 * Every Redis key and channel the user-service writes. Each key carries a hash tag of its own entity: a user
 * {@code {t:<userId>}}, a team {@code {tm:<teamId>}}, a site {@code {s:<siteId>}}, an index entry the digest it is
 * found by. No script or transaction touches two tags, so the service runs on a Redis Cluster unchanged; steps
 * across entities are ordered so that a crash between them never grants more than was meant. The keys that verify
 * access tokens are named in routes' {@code AccessTokenKeys}. The gateway reads {@link #REVOKED_SESSIONS} and the
 * keys of {@link AccessKeys}, and listens on the channels.
 */
public final class UserKeys {

    /** The earlier release's HASH normalised email → user id; read once by the upgrade, then deleted. */
    public static final String LEGACY_EMAIL_INDEX = "users:by-email";
    /** The earlier release's HASH SHA-256 of an API key → user id; deleted by the upgrade. */
    public static final String LEGACY_API_KEY_INDEX = "users:by-api-key";
    /** SET of site ids whose data is being purged; emptied as each purge completes. No TTL. */
    public static final String SITES_BEING_PURGED = "sites:purging";
    /**
     * ZSET session id → epoch ms until which its access tokens must be refused (revocation + access TTL). Trimmed of
     * past scores on every write, so it holds the last access-TTL's worth of revocations.
     */
    public static final String REVOKED_SESSIONS = "auth:revoked-sessions";

    /** STRING counter of bcrypt-costing requests in the current second, every replica together. TTL: 1 s. */
    public static final String PASSWORD_CHECKS = "auth:password-checks";

    /** Channel: lines of {@code <sessionId> <refuse-until-ms>}, sent when sessions are revoked. */
    public static final String SESSIONS_REVOKED_CHANNEL = Channels.SESSIONS_REVOKED;
    /** Channel: the digest of a deleted API key, so gateways evict it from their caches at once. */
    public static final String API_KEYS_REVOKED_CHANNEL = Channels.API_KEYS_REVOKED;

    private UserKeys() {
    }

    /** HASH id, name, email, passwordHash, createdAt, updatedAt. No TTL. */
    public static String user(String userId) {
        return "users:{t:" + userId + "}";
    }

    /**
     * STRING user id, named by the digest of a normalised email. Claimed with SET NX and a short TTL before the
     * user is written, made permanent once it is: the one place that keeps emails unique. No TTL once confirmed.
     */
    public static String email(String normalisedEmail) {
        return "users:email:{" + Secrets.sha256(normalisedEmail) + "}";
    }

    /** HASH id, name, personal ("1" for a registration's own team), createdAt. No TTL. */
    public static String team(String teamId) {
        return "teams:{tm:" + teamId + "}";
    }

    /** HASH invitation id → JSON {id, email, role, expiresAt, digest} of a team's pending invitations. */
    public static String teamInvitations(String teamId) {
        return "teams:{tm:" + teamId + "}:invitations";
    }

    /**
     * HASH of one invitation, named by its token's digest: id, team, email (normalised), role, expiresAt,
     * invitedBy. TTL: until it expires.
     */
    public static String invitation(String digest) {
        return "invitations:{" + digest + "}";
    }

    /** HASH key id → JSON {id, kind, prefix, digest, createdAt} of a site's API keys; the secrets are nowhere. */
    public static String siteKeys(String siteId) {
        return "sites:{s:" + siteId + "}:keys";
    }

    /** HASH share id → JSON {id, prefix, digest, expiresAt, hasPassword, createdAt} of a site's share links. */
    public static String siteShares(String siteId) {
        return "sites:{s:" + siteId + "}:shares";
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
