package io.trackingsystem.routes.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The user-service's Redis keys that gateways read to authorise a request without asking the user-service, so
 * that neither ingest nor the Analytics API queues behind sign-ins. The user-service owns and writes them; gateways
 * only read, except {@link #KEY_USED_AT}. Each key carries its own hash tag: no script or transaction ever needs
 * two of them at once, so they spread across a cluster's slots.
 */
public final class AccessKeys {

    /** Field of {@link #apiKey}: {@code write} or {@code stats}. */
    public static final String KEY_KIND = "kind";
    /** Field of {@link #apiKey} and {@link #share}: the site it opens. */
    public static final String GRANT_SITE = "site";
    /** Field of {@link #apiKey} and {@link #share}: its id in the site's lists. */
    public static final String GRANT_ID = "id";
    /** Field of {@link #apiKey}, epoch ms: written by gateways, at most once a minute each, while the key is used. */
    public static final String KEY_USED_AT = "usedAt";
    public static final String WRITE_KIND = "write";
    public static final String STATS_KIND = "stats";
    /** Field of {@link #share}: epoch ms after which it opens nothing; absent for no expiry. */
    public static final String SHARE_EXPIRES_AT = "expiresAt";
    /** Field of {@link #share}: bcrypt of its password; absent for none. */
    public static final String SHARE_PASSWORD_HASH = "passwordHash";
    /** Field of {@link #site}: the team it belongs to. */
    public static final String SITE_TEAM = "team";
    /** Field of {@link #site}: {@link #ACTIVE}, or {@code deleting}/{@code deleted} once its owner deleted it. */
    public static final String SITE_STATE = "state";
    public static final String ACTIVE = "active";

    private AccessKeys() {
    }

    /**
     * HASH of one API key, named by the key's digest: {@link #KEY_KIND}, {@link #GRANT_SITE}, {@link #GRANT_ID},
     * {@link #KEY_USED_AT}. Deleted with the key. No TTL.
     */
    public static String apiKey(String digest) {
        return "apikeys:{" + digest + "}";
    }

    /**
     * HASH of one share link, named by its token's digest: {@link #GRANT_SITE}, {@link #GRANT_ID},
     * {@link #SHARE_EXPIRES_AT}, {@link #SHARE_PASSWORD_HASH}. Deleted on revocation. No TTL.
     */
    public static String share(String digest) {
        return "shares:{" + digest + "}";
    }

    /**
     * HASH of a site: id, {@link #SITE_TEAM}, name, domain, timezone, createdAt, {@link #SITE_STATE}, deletedAt.
     * No TTL.
     */
    public static String site(String siteId) {
        return "sites:{s:" + siteId + "}";
    }

    /** HASH user id → role ({@link Role#wireName}) of a team's members: the one record of who may do what. */
    public static String members(String teamId) {
        return "teams:{tm:" + teamId + "}:members";
    }

    /** ZSET site id → creation epoch ms of a team's live sites, oldest first. */
    public static String teamSites(String teamId) {
        return "teams:{tm:" + teamId + "}:sites";
    }

    /**
     * ZSET team id → epoch ms joined of a user's teams, oldest first. A list for finding a user's first site; a
     * team here grants nothing unless {@link #members} agrees.
     */
    public static String teamsOf(String userId) {
        return "users:{t:" + userId + "}:teams";
    }

    /** Lower-case hex SHA-256 of a secret: the only form in which keys and tokens are stored. */
    public static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
