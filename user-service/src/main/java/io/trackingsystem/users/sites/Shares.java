package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Announcements;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.Tokens;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.teams.TeamStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Share links: a token that opens one site's dashboard read-only, optionally with a password (kept as bcrypt) and
 * an expiry. The token's digest names its index entry ({@link AccessKeys#share}), which gateways read; the site's
 * list is written first and deleted last, as with keys.
 */
public final class Shares {

    /** KEYS: the site's share list. ARGV: share id, entry, limit. */
    private static final Script LIST_WITHIN_LIMIT = Script.of("""
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);

    private final Redis redis;
    private final Announcements announcements;

    public Shares(Redis redis, Announcements announcements) {
        this.redis = redis;
        this.announcements = announcements;
    }

    /** A share link as its site's admins see it. */
    public record Share(String id, String digest, Optional<Instant> expiresAt, boolean hasPassword,
                        Instant createdAt) {

        public ObjectNode toJson() {
            ObjectNode json = Responses.object();
            json.put("id", id);
            if (expiresAt.isPresent()) {
                json.put("expiresAt", expiresAt.get().toString());
            } else {
                json.putNull("expiresAt");
            }
            json.put("hasPassword", hasPassword);
            json.put("createdAt", createdAt.toString());
            return json;
        }

        String toStored() {
            Map<String, String> entry = new LinkedHashMap<>(Map.of("id", id, "digest", digest,
                    "hasPassword", Boolean.toString(hasPassword), "createdAt", createdAt.toString()));
            expiresAt.ifPresent(at -> entry.put("expiresAt", at.toString()));
            return StoredEntries.write(entry);
        }

        static Share fromStored(String stored) {
            Map<String, String> entry = StoredEntries.read(stored);
            return new Share(entry.get("id"), entry.get("digest"),
                    Optional.ofNullable(entry.get("expiresAt")).map(Instant::parse),
                    Boolean.parseBoolean(entry.get("hasPassword")), Instant.parse(entry.get("createdAt")));
        }
    }

    /** A share just created, with the token that is shown this once. */
    public record Created(String token, Share share) {
    }

    /** A new share link; empty when the site has its limit of shares. */
    public Optional<Created> create(String siteId, Optional<Instant> expiresAt, Optional<String> passwordHash,
                                   Instant now) {
        String token = Tokens.generate();
        Share share = new Share(Tokens.newId(), AccessKeys.digest(token), expiresAt, passwordHash.isPresent(), now);
        Long listed = LIST_WITHIN_LIMIT.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.siteShares(siteId)}, share.id(), share.toStored(),
                Integer.toString(Limits.SHARES_PER_SITE));
        if (listed == 0) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>(List.of(AccessKeys.GRANT_SITE, siteId, AccessKeys.GRANT_ID,
                share.id()));
        expiresAt.ifPresent(at -> fields.addAll(List.of(AccessKeys.SHARE_EXPIRES_AT,
                Long.toString(at.toEpochMilli()))));
        passwordHash.ifPresent(hash -> fields.addAll(List.of(AccessKeys.SHARE_PASSWORD_HASH, hash)));
        TeamStore.CREATE_IF_ABSENT.run(redis, ScriptOutputType.INTEGER, new String[]{AccessKeys.share(share.digest())},
                fields.toArray(String[]::new));
        return Optional.of(new Created(token, share));
    }

    public List<Share> list(String siteId) {
        return await(redis.async().hvals(UserKeys.siteShares(siteId))).stream().map(Share::fromStored)
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    /** The site a share token opens, if it is live; nothing else about the share. */
    public Optional<String> siteOf(String token, Instant now) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Map<String, String> grant = await(redis.async().hgetall(AccessKeys.share(AccessKeys.digest(token))));
        String expiresAt = grant.get(AccessKeys.SHARE_EXPIRES_AT);
        if (!grant.containsKey(AccessKeys.GRANT_SITE)
                || (expiresAt != null && Long.parseLong(expiresAt) <= now.toEpochMilli())) {
            return Optional.empty();
        }
        return Optional.of(grant.get(AccessKeys.GRANT_SITE));
    }

    public boolean revoke(String siteId, String shareId) {
        String stored = await(redis.async().hget(UserKeys.siteShares(siteId), shareId));
        if (stored == null) {
            return false;
        }
        revoke(siteId, Share.fromStored(stored));
        return true;
    }

    public void revokeAll(String siteId) {
        await(redis.async().hvals(UserKeys.siteShares(siteId))).forEach(stored ->
                revoke(siteId, Share.fromStored(stored)));
    }

    private void revoke(String siteId, Share share) {
        await(redis.async().del(AccessKeys.share(share.digest())));
        announcements.shareRevoked(share.digest());
        await(redis.async().hdel(UserKeys.siteShares(siteId), share.id()));
    }
}
