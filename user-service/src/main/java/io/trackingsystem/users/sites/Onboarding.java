package io.trackingsystem.users.sites;

import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.users.Tokens;
import io.trackingsystem.users.teams.Team;
import io.trackingsystem.users.teams.TeamStore;

import java.time.Instant;

/**
 * What every account starts with: a personal team it owns, with one site and one write key, so that the first run
 * is two clicks from a snippet. Used by registration (random ids) and by the upgrade of an earlier release's
 * account (ids equal to the user's, so its tracking data and key keep working).
 */
public final class Onboarding {

    private final TeamStore teams;
    private final SiteStore sites;
    private final SiteKeys keys;

    public Onboarding(TeamStore teams, SiteStore sites, SiteKeys keys) {
        this.teams = teams;
        this.sites = sites;
        this.keys = keys;
    }

    /** A new account's team, site and write key, whose secret is in the answer. */
    public Started start(String userId, String userName, Instant now) {
        Team team = personalTeam(Tokens.newId(), userName, userId, now);
        Site site = firstSite(Tokens.newId(), team.id(), now);
        SiteKeys.Key key = keys.create(site.id(), AccessKeys.WRITE_KIND, now).orElseThrow();
        return new Started(team, site, key);
    }

    /** The same for an existing account, idempotently, adopting its existing key as the site's write key. */
    public void adopt(String userId, String userName, String existingKey, Instant createdAt) {
        personalTeam(userId, userName, userId, createdAt);
        firstSite(userId, userId, createdAt);
        if (existingKey != null) {
            keys.adopt(userId, existingKey, createdAt);
        }
    }

    private Team personalTeam(String teamId, String userName, String ownerId, Instant now) {
        Team team = new Team(teamId, userName, true, now);
        teams.create(team, ownerId);
        return team;
    }

    private Site firstSite(String siteId, String teamId, Instant now) {
        Site site = new Site(siteId, teamId, "My site", "", "UTC", now, AccessKeys.ACTIVE);
        sites.create(site);
        return site;
    }

    /** A registration's team, site and key. */
    public record Started(Team team, Site site, SiteKeys.Key key) {

        public Role role() {
            return Role.OWNER;
        }
    }
}
