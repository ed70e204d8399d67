package io.trackingsystem.users.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.Tokens;
import io.trackingsystem.users.UserKeys;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Invitations to a team: a one-time token for one email and role, valid {@link Limits#INVITATION_TTL}. Only its
 * digest is stored. The team's list is written before the token's own entry, and the entry is deleted before the
 * list's, so a token never works without being listed (and revocable) by the team.
 */
public final class Invitations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redis redis;

    public Invitations(Redis redis) {
        this.redis = redis;
    }

    /** A pending invitation as its team sees it. */
    public record Pending(String id, String email, Role role, Instant expiresAt, String digest) {

        ObjectNode toJson() {
            ObjectNode json = Responses.object();
            json.put("id", id);
            json.put("email", email);
            json.put("role", role.wireName());
            json.put("expiresAt", expiresAt.toString());
            return json;
        }

        String toStored() {
            try {
                return JSON.writeValueAsString(Map.of("id", id, "email", email, "role", role.wireName(),
                        "expiresAt", expiresAt.toString(), "digest", digest));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Pending fromStored(String stored) {
            try {
                Map<?, ?> map = JSON.readValue(stored, Map.class);
                return new Pending((String) map.get("id"), (String) map.get("email"),
                        Role.parse((String) map.get("role")).orElse(Role.VIEWER),
                        Instant.parse((String) map.get("expiresAt")), (String) map.get("digest"));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An invitation found by its token. */
    public record Found(String teamId, String email, Role role, Instant expiresAt, String id) {
    }

    /** Creates an invitation; answers its token, which is shown once. */
    public String create(String teamId, Pending pending, String token, String invitedBy) {
        await(redis.async().hset(UserKeys.teamInvitations(teamId), pending.id(), pending.toStored()));
        String key = UserKeys.invitation(pending.digest());
        await(redis.async().hset(key, Map.of("id", pending.id(), "team", teamId, "email", pending.email(),
                "role", pending.role().wireName(), "expiresAt", Long.toString(pending.expiresAt().toEpochMilli()),
                "invitedBy", invitedBy)));
        await(redis.async().pexpireat(key, pending.expiresAt().toEpochMilli()));
        return token;
    }

    public static Pending pending(String email, Role role, String token, Instant now) {
        return new Pending(Tokens.newId(), email, role, now.plus(Limits.INVITATION_TTL), AccessKeys.digest(token));
    }

    /** The team's invitations that can still be accepted; expired ones are dropped from the list. */
    public List<Pending> pendingOf(String teamId, Instant now) {
        List<Pending> pending = new ArrayList<>();
        await(redis.async().hgetall(UserKeys.teamInvitations(teamId))).forEach((id, stored) -> {
            Pending invitation = Pending.fromStored(stored);
            if (invitation.expiresAt().isAfter(now)) {
                pending.add(invitation);
            } else {
                await(redis.async().hdel(UserKeys.teamInvitations(teamId), id));
            }
        });
        return pending;
    }

    public static ObjectNode json(Pending pending) {
        return pending.toJson();
    }

    /** Withdraws an invitation; false when the team has no such invitation. */
    public boolean withdraw(String teamId, String invitationId) {
        String stored = await(redis.async().hget(UserKeys.teamInvitations(teamId), invitationId));
        if (stored == null) {
            return false;
        }
        Pending pending = Pending.fromStored(stored);
        await(redis.async().del(UserKeys.invitation(pending.digest())));
        await(redis.async().hdel(UserKeys.teamInvitations(teamId), invitationId));
        return true;
    }

    /** The invitation a token opens, if it exists and has not expired. */
    public Optional<Found> find(String token, Instant now) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Map<String, String> hash = await(redis.async().hgetall(UserKeys.invitation(AccessKeys.digest(token))));
        if (!hash.containsKey("team")) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(hash.get("expiresAt")));
        Optional<Role> role = Role.parse(hash.get("role"));
        if (!expiresAt.isAfter(now) || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(hash.get("team"), hash.get("email"), role.get(), expiresAt, hash.get("id")));
    }

    /** Uses up an accepted invitation: its token first, then the team's list entry. */
    public void consume(String token, Found found) {
        await(redis.async().del(UserKeys.invitation(AccessKeys.digest(token))));
        await(redis.async().hdel(UserKeys.teamInvitations(found.teamId()), found.id()));
    }

    public long pendingCount(String teamId) {
        return await(redis.async().hlen(UserKeys.teamInvitations(teamId)));
    }
}
