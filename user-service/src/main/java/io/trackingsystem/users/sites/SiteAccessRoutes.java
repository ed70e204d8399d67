package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.contract.Targets;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.sites.SiteStore.Access;
import io.trackingsystem.users.users.Passwords;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who else may reach a site: its API keys and share links, managed by the team's admins, plus the one thing a
 * share token may ask the user-service (the shared site's name), and the earlier release's one-key rotation.
 */
public final class SiteAccessRoutes extends RouteBuilder {

    private static final int SHARE_PASSWORD_MAX = 128;

    private final SiteStore sites;
    private final SiteKeys keys;
    private final Shares shares;
    private final Passwords passwords;

    public SiteAccessRoutes(SiteStore sites, SiteKeys keys, Shares shares, Passwords passwords) {
        this.sites = sites;
        this.keys = keys;
        this.shares = shares;
        this.passwords = passwords;
    }

    @Override
    public void configure() {
        answer(Operations.LIST_KEYS, this::listKeys);
        answer(Operations.CREATE_KEY, this::createKey);
        answer(Operations.DELETE_KEY, this::deleteKey);
        answer(Operations.LIST_SHARES, this::listShares);
        answerSealed(Operations.CREATE_SHARE, this::createShare);
        answer(Operations.DELETE_SHARE, this::deleteShare);
        answerSealed(Operations.SHOW_SHARE, this::showShare);
        answer(Operations.ROTATE_API_KEY, this::rotate);
    }

    private void answer(String operation, Processor processor) {
        from(Operations.userService(operation)).routeId(operation).process(processor);
    }

    /** An operation whose requests carry a secret, so they must arrive sealed. */
    private void answerSealed(String operation, Processor processor) {
        from(Operations.userService(operation) + Operations.SEALED).routeId(operation).process(processor);
    }

    private void listKeys(Exchange exchange) {
        Access access = admin(exchange);
        ArrayNode list = Responses.array();
        keys.list(access.site().id()).forEach(list::add);
        Responses.json(exchange, 200, Responses.object().set("keys", list));
    }

    /** Body {@code {"kind":"write"|"stats"}}; the answer holds the secret, shown this once. */
    private void createKey(Exchange exchange) {
        Access access = admin(exchange);
        List<FieldError> errors = new ArrayList<>();
        String kind = Requests.text(Requests.jsonBody(exchange), "kind", errors);
        if (!AccessKeys.WRITE_KIND.equals(kind) && !AccessKeys.STATS_KIND.equals(kind)) {
            throw ProblemException.invalid(List.of(FieldError.of("kind", "kind is write or stats")));
        }
        SiteKeys.Key key = keys.create(access.site().id(), kind, SiteRoutes.now())
                .orElseThrow(() -> ProblemException.conflict("A site can have at most " + Limits.KEYS_PER_SITE
                        + " keys; delete one first"));
        Responses.json(exchange, 201, key.toJson(Optional.empty()));
    }

    private void deleteKey(Exchange exchange) {
        Access access = admin(exchange);
        if (!keys.delete(access.site().id(), Requests.target(exchange, Targets.KEY))) {
            throw ProblemException.notFound("No such key");
        }
        Responses.noContent(exchange);
    }

    private void listShares(Exchange exchange) {
        Access access = admin(exchange);
        ArrayNode list = Responses.array();
        shares.list(access.site().id()).forEach(share -> list.add(share.toJson()));
        Responses.json(exchange, 200, Responses.object().set("shares", list));
    }

    /** Body, all optional: {@code expiresAt} (ISO instant, in the future) and {@code password}. */
    private void createShare(Exchange exchange) {
        Access access = admin(exchange);
        ObjectNode body = Requests.optionalJsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        Instant now = SiteRoutes.now();
        Optional<Instant> expiresAt = expiry(Requests.text(body, "expiresAt", errors), now, errors);
        String password = Requests.text(body, "password", errors);
        if (password != null && (password.isEmpty() || password.length() > SHARE_PASSWORD_MAX)) {
            errors.add(FieldError.of("password", "Use 1 to " + SHARE_PASSWORD_MAX + " characters, or no password"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Shares.Created created = shares.create(access.site().id(), expiresAt,
                        Optional.ofNullable(password).map(passwords::hash), now)
                .orElseThrow(() -> ProblemException.conflict("A site can have at most " + Limits.SHARES_PER_SITE
                        + " share links; revoke one first"));
        ObjectNode reply = created.share().toJson();
        reply.put("token", created.token());
        reply.put("url", "/share/" + created.token());
        Responses.json(exchange, 201, reply);
    }

    private static Optional<Instant> expiry(String text, Instant now, List<FieldError> errors) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(text);
            if (at.isAfter(now)) {
                return Optional.of(at);
            }
            errors.add(FieldError.of("expiresAt", "expiresAt must be in the future"));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("expiresAt", "expiresAt is an ISO-8601 instant like 2030-01-31T00:00:00Z"));
        }
        return Optional.empty();
    }

    private void deleteShare(Exchange exchange) {
        Access access = admin(exchange);
        if (!shares.revoke(access.site().id(), Requests.target(exchange, Targets.SHARE))) {
            throw ProblemException.notFound("No such share link");
        }
        Responses.noContent(exchange);
    }

    /** What a shared dashboard shows besides its figures: the site's name and zone, nothing else. */
    private void showShare(Exchange exchange) {
        String token = exchange.getMessage().getHeader(Targets.TOKEN, String.class);
        Site site = shares.siteOf(token, SiteRoutes.now()).flatMap(sites::find).filter(Site::active)
                .orElseThrow(() -> ProblemException.notFound("This share link does not exist or has expired"));
        Responses.json(exchange, 200, Responses.object().put("name", site.name()).put("timezone", site.timezone()));
    }

    /** The earlier release's rotation: one new write key for the user's first site, whose other ones stop. */
    private void rotate(Exchange exchange) {
        String userId = Requests.principal(exchange);
        Access access = sites.firstSite(userId, Role.ADMIN)
                .orElseThrow(() -> ProblemException.notFound("You administer no site"));
        String siteId = access.site().id();
        keys.deleteAll(siteId, AccessKeys.WRITE_KIND);
        SiteKeys.Key key = keys.create(siteId, AccessKeys.WRITE_KIND, SiteRoutes.now())
                .orElseThrow(() -> ProblemException.conflict("The site has too many keys; delete one first"));
        Responses.json(exchange, 200, Responses.object().put("apiKey", key.secret()));
    }

    private Access admin(Exchange exchange) {
        return sites.require(Requests.target(exchange, Targets.SITE), Requests.principal(exchange), Role.ADMIN);
    }
}
