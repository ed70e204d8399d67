package io.trackingsystem.users.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.trackingsystem.users.teams.Invitations.Found;
import io.trackingsystem.users.teams.Invitations.Pending;
import io.trackingsystem.users.teams.TeamStore.Change;
import io.trackingsystem.users.teams.TeamStore.Membership;
import io.trackingsystem.users.users.User;
import io.trackingsystem.users.users.UserStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Teams, their members and invitations. Every operation acts for the signed-in user and checks their role on the
 * team first: a team they are not in answers 404, too weak a role 403. Admins manage members and invitations;
 * only owners touch owners, and a team always keeps one.
 */
public final class TeamRoutes extends RouteBuilder {

    private final TeamStore teams;
    private final Invitations invitations;
    private final UserStore users;
    private final Announcements announcements;

    public TeamRoutes(TeamStore teams, Invitations invitations, UserStore users, Announcements announcements) {
        this.teams = teams;
        this.invitations = invitations;
        this.users = users;
        this.announcements = announcements;
    }

    @Override
    public void configure() {
        answer(Operations.LIST_TEAMS, this::list);
        answer(Operations.CREATE_TEAM, this::create);
        answer(Operations.SHOW_TEAM, this::show);
        answer(Operations.UPDATE_TEAM, this::update);
        answer(Operations.DELETE_TEAM, this::delete);
        answer(Operations.LIST_MEMBERS, this::members);
        answer(Operations.UPDATE_MEMBER, this::updateMember);
        answer(Operations.REMOVE_MEMBER, this::removeMember);
        answer(Operations.CREATE_INVITATION, this::invite);
        answer(Operations.LIST_INVITATIONS, this::listInvitations);
        answer(Operations.DELETE_INVITATION, this::withdrawInvitation);
        answerSealed(Operations.ACCEPT_INVITATION, this::accept);
    }

    private void answer(String operation, Processor processor) {
        from(Operations.userService(operation)).routeId(operation).process(processor);
    }

    /** An operation whose requests carry a secret, so they must arrive sealed. */
    private void answerSealed(String operation, Processor processor) {
        from(Operations.userService(operation) + Operations.SEALED).routeId(operation).process(processor);
    }

    private void list(Exchange exchange) {
        String userId = Requests.principal(exchange);
        ArrayNode list = Responses.array();
        teams.teamsOf(userId).forEach(membership -> list.add(membership.team().toJson(membership.role())));
        Responses.json(exchange, 200, Responses.object().set("teams", list));
    }

    private void create(Exchange exchange) {
        String userId = Requests.principal(exchange);
        String name = name(Requests.jsonBody(exchange));
        teams.checkRoomForAnotherTeam(userId);
        Team team = new Team(Tokens.newId(), name, false, now());
        teams.create(team, userId);
        Responses.json(exchange, 201, team.toJson(Role.OWNER));
    }

    private void show(Exchange exchange) {
        Membership membership = membership(exchange, Role.VIEWER);
        Responses.json(exchange, 200, membership.team().toJson(membership.role()));
    }

    private void update(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        String name = name(Requests.jsonBody(exchange));
        teams.rename(membership.team().id(), name);
        Team renamed = new Team(membership.team().id(), name, membership.team().personal(),
                membership.team().createdAt());
        Responses.json(exchange, 200, renamed.toJson(membership.role()));
    }

    private void delete(Exchange exchange) {
        Membership membership = membership(exchange, Role.OWNER);
        if (!teams.deleteIfEmpty(membership.team().id())) {
            throw ProblemException.conflict("Delete or move the team's sites first");
        }
        announcements.teamChanged(membership.team().id());
        Responses.noContent(exchange);
    }

    private void members(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        ArrayNode list = Responses.array();
        teams.members(membership.team().id()).forEach((userId, role) -> users.find(userId).ifPresent(user -> {
            ObjectNode member = Responses.object();
            member.put("userId", user.id());
            member.put("name", user.name());
            member.put("email", user.email());
            member.put("role", role.wireName());
            list.add(member);
        }));
        Responses.json(exchange, 200, Responses.object().set("members", list));
    }

    private void updateMember(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        String memberId = Requests.target(exchange, Targets.MEMBER);
        List<FieldError> errors = new ArrayList<>();
        Role role = role(Requests.jsonBody(exchange), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        checkMayChange(membership, memberId, role);
        outcome(teams.setRole(membership.team().id(), memberId, role));
        announcements.teamChanged(membership.team().id());
        ObjectNode member = Responses.object().put("userId", memberId).put("role", role.wireName());
        Responses.json(exchange, 200, member);
    }

    /** Admins remove members; anyone may leave. */
    private void removeMember(Exchange exchange) {
        String userId = Requests.principal(exchange);
        String memberId = Requests.target(exchange, Targets.MEMBER);
        Membership membership = membership(exchange, memberId.equals(userId) ? Role.VIEWER : Role.ADMIN);
        if (!memberId.equals(userId)) {
            checkMayChange(membership, memberId, Role.VIEWER);
        }
        outcome(teams.remove(membership.team().id(), memberId));
        announcements.teamChanged(membership.team().id());
        Responses.noContent(exchange);
    }

    /** Only owners may make, unmake or remove owners. */
    private void checkMayChange(Membership membership, String memberId, Role role) {
        Role current = teams.role(membership.team().id(), memberId)
                .orElseThrow(() -> ProblemException.notFound("No such member"));
        if ((current == Role.OWNER || role == Role.OWNER) && membership.role() != Role.OWNER) {
            throw ProblemException.forbidden("Only an owner can change an owner's role or make an owner");
        }
    }

    private static void outcome(Change change) {
        if (change == Change.ABSENT) {
            throw ProblemException.notFound("No such member");
        }
        if (change == Change.LAST_OWNER) {
            throw ProblemException.conflict("A team needs an owner: make another member an owner first");
        }
    }

    private void invite(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        String email = Requests.text(body, "email", errors);
        if (email == null || !email.strip().matches("[^\\s@]{1,200}@[^\\s@]{1,200}\\.[^\\s@]{1,50}")) {
            if (errors.isEmpty() || errors.stream().noneMatch(error -> error.field().equals("email"))) {
                errors.add(FieldError.of("email", "Enter a valid email address, like name@example.com"));
            }
        }
        Role role = role(body, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (role == Role.OWNER && membership.role() != Role.OWNER) {
            throw ProblemException.forbidden("Only an owner can invite an owner");
        }
        String teamId = membership.team().id();
        if (teams.memberCount(teamId) + invitations.pendingCount(teamId) >= Limits.MEMBERS_PER_TEAM) {
            throw ProblemException.conflict("A team can have at most " + Limits.MEMBERS_PER_TEAM
                    + " members and pending invitations");
        }
        String token = Tokens.generate();
        Pending pending = Invitations.pending(UserStore.normalisedEmail(email), role, token, now());
        invitations.create(teamId, pending, token, Requests.principal(exchange));
        ObjectNode reply = Invitations.json(pending);
        reply.put("token", token);
        reply.put("url", "/invite/" + token);
        Responses.json(exchange, 201, reply);
    }

    private void listInvitations(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        ArrayNode list = Responses.array();
        invitations.pendingOf(membership.team().id(), now()).forEach(pending -> list.add(Invitations.json(pending)));
        Responses.json(exchange, 200, Responses.object().set("invitations", list));
    }

    private void withdrawInvitation(Exchange exchange) {
        Membership membership = membership(exchange, Role.ADMIN);
        if (!invitations.withdraw(membership.team().id(), Requests.target(exchange, Targets.INVITATION))) {
            throw ProblemException.notFound("No such invitation");
        }
        Responses.noContent(exchange);
    }

    /** The signed-in user joins the team, if the invitation is for their email. */
    private void accept(Exchange exchange) {
        String userId = Requests.principal(exchange);
        String token = exchange.getMessage().getHeader(Targets.TOKEN, String.class);
        Found found = invitations.find(token, now())
                .orElseThrow(() -> ProblemException.notFound("This invitation does not exist or has expired"));
        User user = users.find(userId).orElseThrow(() -> ProblemException.unauthorized("Sign in first"));
        if (!UserStore.normalisedEmail(user.email()).equals(found.email())) {
            throw ProblemException.forbidden("This invitation is for another email address; sign in as "
                    + found.email());
        }
        Team team = teams.find(found.teamId())
                .orElseThrow(() -> ProblemException.notFound("This invitation does not exist or has expired"));
        if (teams.role(team.id(), userId).isEmpty()) {
            teams.checkRoomForAnotherTeam(userId);
        }
        teams.join(team.id(), userId, found.role(), now());
        invitations.consume(token, found);
        Role role = teams.role(team.id(), userId).orElse(found.role());
        Responses.json(exchange, 200, team.toJson(role));
    }

    private Membership membership(Exchange exchange, Role minimum) {
        return teams.require(Requests.target(exchange, Targets.TEAM), Requests.principal(exchange), minimum);
    }

    private static String name(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        String name = Names.of("name", Requests.text(body, "name", errors), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return name;
    }

    private static Role role(ObjectNode body, List<FieldError> errors) {
        String text = Requests.text(body, "role", errors);
        Role role = text == null ? null : Role.parse(text).orElse(null);
        if (role == null && errors.stream().noneMatch(error -> error.field().equals("role"))) {
            errors.add(FieldError.of("role", "role is one of owner, admin, viewer"));
        }
        return role;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
