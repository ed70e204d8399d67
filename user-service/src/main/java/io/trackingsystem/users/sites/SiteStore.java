package io.trackingsystem.users.sites;

import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.teams.TeamStore;
import io.trackingsystem.users.teams.TeamStore.Membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Sites: one hash each, listed in their team's sorted set. The hash is written first and names its team; the
 * listing follows and is what the team's limit is counted on. Deleting marks the hash, unlists the site and queues
 * its data for purging.
 */
public final class SiteStore {

    /** KEYS: the team's sites. ARGV: site id, score, limit. Lists the site unless the team is full. */
    private static final Script LIST_WITHIN_LIMIT = Script.of("""
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            return 1
            """);

    private final Redis redis;
    private final TeamStore teams;

    public SiteStore(Redis redis, TeamStore teams) {
        this.redis = redis;
        this.teams = teams;
    }

    /** Creates the site, or leaves an existing one with this id as it is; false when its team is full. */
    public boolean create(Site site) {
        List<String> fields = new ArrayList<>();
        site.toHash().forEach((field, value) -> {
            fields.add(field);
            fields.add(value);
        });
        TeamStore.CREATE_IF_ABSENT.run(redis, ScriptOutputType.INTEGER, new String[]{AccessKeys.site(site.id())},
                fields.toArray(String[]::new));
        Long listed = LIST_WITHIN_LIMIT.run(redis, ScriptOutputType.INTEGER,
                new String[]{AccessKeys.teamSites(site.teamId())}, site.id(),
                Long.toString(site.createdAt().toEpochMilli()), Integer.toString(Limits.SITES_PER_TEAM));
        if (listed == 0) {
            await(redis.async().del(AccessKeys.site(site.id())));
            return false;
        }
        return true;
    }

    public Optional<Site> find(String siteId) {
        Map<String, String> hash = await(redis.async().hgetall(AccessKeys.site(siteId)));
        return hash.containsKey("id") ? Optional.of(Site.fromHash(hash)) : Optional.empty();
    }

    /**
     * The live site with the user's role on its team, if at least {@code minimum}. A site the user cannot see, or
     * one being deleted, answers 404; too weak a role 403.
     */
    public Access require(String siteId, String userId, Role minimum) {
        Access access = requireAnyState(siteId, userId, minimum);
        if (!access.site().active()) {
            throw ProblemException.notFound("No such site");
        }
        return access;
    }

    /** As {@link #require}, also for a site being deleted, so its deletion can be followed. */
    public Access requireAnyState(String siteId, String userId, Role minimum) {
        Optional<Site> site = find(siteId);
        Optional<Role> role = site.flatMap(found -> teams.role(found.teamId(), userId));
        if (role.isEmpty()) {
            throw ProblemException.notFound("No such site");
        }
        if (!role.get().atLeast(minimum)) {
            throw ProblemException.forbidden("This needs the " + minimum.wireName() + " role on the site's team");
        }
        return new Access(site.get(), role.get());
    }

    /** The live sites of a team, oldest first. */
    public List<Site> sitesOf(String teamId) {
        List<Site> sites = new ArrayList<>();
        for (String id : await(redis.async().zrange(AccessKeys.teamSites(teamId), 0, -1))) {
            find(id).filter(Site::active).ifPresent(sites::add);
        }
        return sites;
    }

    /** The oldest site of the user's oldest team on which they hold at least {@code minimum}. */
    public Optional<Access> firstSite(String userId, Role minimum) {
        for (Membership membership : teams.teamsOf(userId)) {
            if (membership.role().atLeast(minimum)) {
                List<Site> sites = sitesOf(membership.team().id());
                if (!sites.isEmpty()) {
                    return Optional.of(new Access(sites.get(0), membership.role()));
                }
            }
        }
        return Optional.empty();
    }

    public void update(Site site) {
        await(redis.async().hset(AccessKeys.site(site.id()), Map.of("name", site.name(), "domain", site.domain(),
                "timezone", site.timezone())));
    }

    /** Stops the site from being read or listed and queues its data for purging. */
    public void markDeleting(Site site, Instant at) {
        await(redis.async().hset(AccessKeys.site(site.id()), Map.of(AccessKeys.SITE_STATE, Site.DELETING,
                "deletedAt", at.toString())));
        await(redis.async().zrem(AccessKeys.teamSites(site.teamId()), site.id()));
        await(redis.async().sadd(UserKeys.SITES_BEING_PURGED, site.id()));
    }

    public List<String> beingPurged() {
        return List.copyOf(await(redis.async().smembers(UserKeys.SITES_BEING_PURGED)));
    }

    public void markDeleted(String siteId) {
        await(redis.async().hset(AccessKeys.site(siteId), AccessKeys.SITE_STATE, Site.DELETED));
        await(redis.async().srem(UserKeys.SITES_BEING_PURGED, siteId));
    }

    /** A site and the caller's role on its team. */
    public record Access(Site site, Role role) {
    }
}
