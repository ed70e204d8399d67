package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.contract.Targets;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Announcements;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.Names;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.Tokens;
import io.trackingsystem.users.sites.SiteStore.Access;
import io.trackingsystem.users.teams.TeamStore;
import io.trackingsystem.users.teams.TeamStore.Membership;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sites and their settings. Any member of a site's team sees it; admins change it and delete it. Deleting needs
 * the site's name as confirmation, stops all access at once and leaves the data to be purged in the background.
 * Keys and shares of a site are {@link SiteAccessRoutes}'.
 */
public final class SiteRoutes extends RouteBuilder {

    private final SiteStore sites;
    private final TeamStore teams;
    private final SiteKeys keys;
    private final Shares shares;
    private final Announcements announcements;

    public SiteRoutes(SiteStore sites, TeamStore teams, SiteKeys keys, Shares shares, Announcements announcements) {
        this.sites = sites;
        this.teams = teams;
        this.keys = keys;
        this.shares = shares;
        this.announcements = announcements;
    }

    @Override
    public void configure() {
        answer(Operations.LIST_SITES, this::list);
        answer(Operations.CREATE_SITE, this::create);
        answer(Operations.SHOW_SITE, this::show);
        answer(Operations.UPDATE_SITE, this::update);
        answer(Operations.DELETE_SITE, this::delete);
    }

    private void answer(String operation, Processor processor) {
        from("service:user-service?operation=" + operation).routeId(operation).process(processor);
    }

    /** Every live site the user can read, or only one team's with {@code team=}. */
    private void list(Exchange exchange) {
        String userId = Requests.principal(exchange);
        String teamFilter = exchange.getMessage().getHeader(Targets.TEAM_FILTER, String.class);
        List<Membership> memberships = teamFilter == null
                ? teams.teamsOf(userId)
                : List.of(teams.require(Requests.target(exchange, Targets.TEAM_FILTER), userId, Role.VIEWER));
        ArrayNode list = Responses.array();
        for (Membership membership : memberships) {
            sites.sitesOf(membership.team().id()).forEach(site -> list.add(site.toJson(membership.role())));
        }
        Responses.json(exchange, 200, Responses.object().set("sites", list));
    }

    /** In the team named by {@code team=}, or else the user's first team they administer. */
    private void create(Exchange exchange) {
        String userId = Requests.principal(exchange);
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        String name = Names.of("name", Requests.text(body, "name", errors), errors);
        String domain = SiteInput.domain(body, errors);
        String timezone = SiteInput.timezone(body, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Membership membership = exchange.getMessage().getHeader(Targets.TEAM_FILTER) != null
                ? teams.require(Requests.target(exchange, Targets.TEAM_FILTER), userId, Role.ADMIN)
                : teams.teamsOf(userId).stream().filter(team -> team.role().atLeast(Role.ADMIN)).findFirst()
                        .orElseThrow(() -> ProblemException.forbidden("Create a team first: you administer none"));
        if (!membership.role().atLeast(Role.ADMIN)) {
            throw ProblemException.forbidden("This needs the admin role on the team");
        }
        Site site = new Site(Tokens.newId(), membership.team().id(), name, domain, timezone, now(),
                AccessKeys.ACTIVE);
        if (!sites.create(site)) {
            throw ProblemException.conflict("A team can have at most " + Limits.SITES_PER_TEAM + " sites");
        }
        ObjectNode reply = site.toJson(membership.role());
        keys.create(site.id(), AccessKeys.WRITE_KIND, site.createdAt())
                .ifPresent(key -> reply.set("writeKey", key.toJson(Optional.empty())));
        Responses.json(exchange, 201, reply);
    }

    /** A site being deleted is shown to its admins, so they can follow the deletion. */
    private void show(Exchange exchange) {
        String siteId = Requests.target(exchange, Targets.SITE);
        String userId = Requests.principal(exchange);
        Access access = sites.requireAnyState(siteId, userId, Role.VIEWER);
        if (!access.site().active() && !access.role().atLeast(Role.ADMIN)) {
            throw ProblemException.notFound("No such site");
        }
        Responses.json(exchange, 200, access.site().toJson(access.role()));
    }

    private void update(Exchange exchange) {
        Access access = sites.require(Requests.target(exchange, Targets.SITE), Requests.principal(exchange),
                Role.ADMIN);
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        Site site = access.site();
        String name = body.has("name") ? Names.of("name", Requests.text(body, "name", errors), errors) : site.name();
        String domain = body.has("domain") ? SiteInput.domain(body, errors) : site.domain();
        String timezone = body.has("timezone") ? SiteInput.timezone(body, errors) : site.timezone();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Site changed = site.with(name, domain, timezone);
        sites.update(changed);
        Responses.json(exchange, 200, changed.toJson(access.role()));
    }

    /** Body {@code {"confirm":"<the site's name>"}}. Answers 202 while the data is purged. */
    private void delete(Exchange exchange) {
        Access access = sites.require(Requests.target(exchange, Targets.SITE), Requests.principal(exchange),
                Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String confirm = Requests.text(Requests.optionalJsonBody(exchange), "confirm", errors);
        if (!access.site().name().equals(confirm)) {
            throw ProblemException.invalid(List.of(FieldError.of("confirm",
                    "Type the site's name to confirm that its data is deleted")));
        }
        Site site = access.site();
        sites.markDeleting(site, now());
        keys.deleteAll(site.id(), null);
        shares.revokeAll(site.id());
        announcements.siteChanged(site.id());
        Responses.json(exchange, 202, Responses.object().put("id", site.id()).put("state", Site.DELETING));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
