package io.trackingsystem.gateway.access;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who may read which site, read from the user-service's records ({@link AccessKeys}) and kept for a few seconds:
 * a site's team and state, a member's role, a user's first site, a share link's grant. Changes announced on the
 * access channel are dropped at once; anything else is re-read within {@link #FRESH}, so a removed member, a
 * revoked share or a deleted site is refused by every gateway within seconds.
 */
public final class AccessDirectory {

    static final Duration FRESH = Duration.ofSeconds(3);
    private static final Duration STALE = Duration.ofMinutes(5);
    private static final int MAX_KNOWN = 100_000;
    private static final int MAX_UNKNOWN = 20_000;
    private static final String BEAN = "accessDirectory";

    private final RedisClusterAsyncCommands<String, String> redis;
    private final FreshCache<String, SiteRecord> sites = cache();
    private final FreshCache<String, Role> roles = cache();
    private final FreshCache<String, String> firstSites = cache();
    private final FreshCache<String, ShareGrant> shares = cache();

    /** A site's team, and whether it may be read. */
    public record SiteRecord(String team, boolean active) {
    }

    /** What a share link opens. {@code expiresAt} 0 means never; {@code passwordHash} empty means no password. */
    public record ShareGrant(String site, String id, long expiresAt, String passwordHash) {

        public boolean expired(long now) {
            return expiresAt > 0 && expiresAt <= now;
        }
    }

    private AccessDirectory(Redis redis) {
        this.redis = redis.async();
    }

    public static synchronized AccessDirectory in(CamelContext context) {
        AccessDirectory directory = context.getRegistry().lookupByNameAndType(BEAN, AccessDirectory.class);
        if (directory == null) {
            directory = new AccessDirectory(context.getRegistry().lookupByNameAndType("redis", Redis.class));
            context.getRegistry().bind(BEAN, directory);
        }
        return directory;
    }

    private static <V> FreshCache<String, V> cache() {
        return new FreshCache<>(FRESH, FRESH, STALE, MAX_KNOWN, MAX_UNKNOWN);
    }

    public CompletionStage<Optional<SiteRecord>> site(String siteId) {
        return sites.get(siteId, id -> redis.hmget(AccessKeys.site(id), AccessKeys.SITE_TEAM, AccessKeys.SITE_STATE)
                .thenApply(fields -> fields.get(0).hasValue()
                        ? Optional.of(new SiteRecord(fields.get(0).getValue(),
                        AccessKeys.ACTIVE.equals(fields.get(1).getValueOrElse(AccessKeys.ACTIVE))))
                        : Optional.empty()));
    }

    public CompletionStage<Optional<Role>> role(String teamId, String userId) {
        return roles.get(teamId + '\n' + userId, ignored -> redis.hget(AccessKeys.members(teamId), userId)
                .thenApply(Role::parse));
    }

    /** The user's role on the site's team, when the site is live and they have one. */
    public CompletionStage<Optional<Role>> roleOnSite(String siteId, String userId) {
        return site(siteId).thenCompose(site -> site.filter(SiteRecord::active)
                .map(found -> role(found.team(), userId))
                .orElse(CompletableFuture.completedFuture(Optional.empty())));
    }

    /** The oldest live site of the user's oldest team, as the Analytics API reads it without {@code site=}. */
    public CompletionStage<Optional<String>> firstSite(String userId) {
        return firstSites.get(userId, id -> redis.zrange(AccessKeys.teamsOf(id), 0, -1).thenCompose(teams ->
                firstSiteAmong(teams, 0, id)));
    }

    private CompletionStage<Optional<String>> firstSiteAmong(List<String> teams, int index, String userId) {
        if (index >= teams.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String team = teams.get(index);
        return role(team, userId).thenCompose(role -> role.isEmpty()
                ? firstSiteAmong(teams, index + 1, userId)
                : redis.zrange(AccessKeys.teamSites(team), 0, 0).thenCompose(found -> found.isEmpty()
                        ? firstSiteAmong(teams, index + 1, userId)
                        : CompletableFuture.completedFuture(Optional.of(found.get(0)))));
    }

    /** The grant of a share link's digest. */
    public CompletionStage<Optional<ShareGrant>> share(String digest) {
        return shares.get(digest, key -> redis.hgetall(AccessKeys.share(key)).thenApply(AccessDirectory::grant));
    }

    private static Optional<ShareGrant> grant(Map<String, String> hash) {
        if (!hash.containsKey(AccessKeys.GRANT_SITE)) {
            return Optional.empty();
        }
        return Optional.of(new ShareGrant(hash.get(AccessKeys.GRANT_SITE), hash.getOrDefault(AccessKeys.GRANT_ID, ""),
                Long.parseLong(hash.getOrDefault(AccessKeys.SHARE_EXPIRES_AT, "0")),
                hash.getOrDefault(AccessKeys.SHARE_PASSWORD_HASH, "")));
    }

    /** Drops what is cached about an announced change: {@code site:<id>}, {@code team:<id>}, {@code share:<digest>}. */
    public void changed(String announcement) {
        if (announcement == null) {
            return;
        }
        int colon = announcement.indexOf(':');
        String kind = colon < 0 ? "" : announcement.substring(0, colon);
        String id = announcement.substring(colon + 1);
        switch (kind) {
            case "site" -> sites.evict(id);
            case "team" -> roles.evictIf(key -> key.startsWith(id + '\n'));
            case "share" -> shares.evict(id);
            default -> {
                return;
            }
        }
        firstSites.evictIf(key -> true);
    }

}
