package io.trackingsystem.users.teams;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.UserKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Teams and memberships. A team's members hash is the one record of roles; each member's list of teams mirrors it
 * for lookups and is written after it, so a crash in between leaves a member without the mirror entry (it is
 * added again on the next join) but never a mirror entry that grants anything. Every script touches one team's
 * keys only.
 */
public final class TeamStore {

    /** Outcome of a role change or removal. */
    public enum Change { CHANGED, UNCHANGED, ABSENT, LAST_OWNER }

    /** Writes a hash only when it does not exist yet, so a repeated creation changes nothing. */
    public static final Script CREATE_IF_ABSENT = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """);

    /**
     * ARGV: user, role, mode. {@code join} keeps the stronger of the current and the new role; {@code set} and
     * {@code remove} refuse to leave the team without an owner.
     */
    private static final Script CHANGE_ROLE = Script.of("""
            local rank = {owner = 1, admin = 2, viewer = 3}
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if ARGV[3] == 'join' then
              if current and rank[current] and rank[current] <= rank[ARGV[2]] then return 'UNCHANGED' end
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
              return 'CHANGED'
            end
            if not current then return 'ABSENT' end
            if current == 'owner' and (ARGV[3] == 'remove' or ARGV[2] ~= 'owner') then
              local owners = 0
              for _, role in ipairs(redis.call('HVALS', KEYS[1])) do
                if role == 'owner' then owners = owners + 1 end
              end
              if owners == 1 then return 'LAST_OWNER' end
            end
            if ARGV[3] == 'remove' then redis.call('HDEL', KEYS[1], ARGV[1])
            else redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
            return 'CHANGED'
            """);

    /** KEYS: team, members, sites, invitations; deletes all four unless the team still has sites. */
    private static final Script DELETE_EMPTY = Script.of("""
            if redis.call('ZCARD', KEYS[3]) > 0 then return 0 end
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            return 1
            """);

    private final Redis redis;

    public TeamStore(Redis redis) {
        this.redis = redis;
    }

    /** Creates the team, or finds it unchanged when it exists already, with {@code ownerId} as an owner. */
    public void create(Team team, String ownerId) {
        List<String> fields = new ArrayList<>();
        team.toHash().forEach((field, value) -> {
            fields.add(field);
            fields.add(value);
        });
        CREATE_IF_ABSENT.run(redis, ScriptOutputType.INTEGER, new String[]{UserKeys.team(team.id())},
                fields.toArray(String[]::new));
        join(team.id(), ownerId, Role.OWNER, team.createdAt());
    }

    /** Makes the user a member with at least {@code role}; a stronger role they hold already stays. */
    public void join(String teamId, String userId, Role role, Instant at) {
        CHANGE_ROLE.run(redis, ScriptOutputType.VALUE, new String[]{AccessKeys.members(teamId)}, userId,
                role.wireName(), "join");
        await(redis.async().zadd(AccessKeys.teamsOf(userId), ZAddArgs.Builder.nx(), (double) at.toEpochMilli(),
                teamId));
    }

    public Optional<Team> find(String teamId) {
        Map<String, String> hash = await(redis.async().hgetall(UserKeys.team(teamId)));
        return hash.containsKey("id") ? Optional.of(Team.fromHash(hash)) : Optional.empty();
    }

    public Optional<Role> role(String teamId, String userId) {
        return Role.parse(await(redis.async().hget(AccessKeys.members(teamId), userId)));
    }

    /**
     * The team if the user has at least {@code minimum} on it. A team the user is not in answers 404, as if it
     * did not exist; too weak a role answers 403.
     */
    public Membership require(String teamId, String userId, Role minimum) {
        Optional<Role> role = role(teamId, userId);
        Optional<Team> team = role.isPresent() ? find(teamId) : Optional.empty();
        if (team.isEmpty()) {
            throw ProblemException.notFound("No such team");
        }
        if (!role.get().atLeast(minimum)) {
            throw ProblemException.forbidden("This needs the " + minimum.wireName() + " role on the team");
        }
        return new Membership(team.get(), role.get());
    }

    /** User id → role of every member. */
    public Map<String, Role> members(String teamId) {
        Map<String, Role> members = new LinkedHashMap<>();
        await(redis.async().hgetall(AccessKeys.members(teamId)))
                .forEach((userId, role) -> Role.parse(role).ifPresent(parsed -> members.put(userId, parsed)));
        return members;
    }

    public long memberCount(String teamId) {
        return await(redis.async().hlen(AccessKeys.members(teamId)));
    }

    public Change setRole(String teamId, String userId, Role role) {
        return Change.valueOf(CHANGE_ROLE.run(redis, ScriptOutputType.VALUE,
                new String[]{AccessKeys.members(teamId)}, userId, role.wireName(), "set"));
    }

    public Change remove(String teamId, String userId) {
        Change change = Change.valueOf(CHANGE_ROLE.run(redis, ScriptOutputType.VALUE,
                new String[]{AccessKeys.members(teamId)}, userId, Role.VIEWER.wireName(), "remove"));
        if (change == Change.CHANGED) {
            await(redis.async().zrem(AccessKeys.teamsOf(userId), teamId));
        }
        return change;
    }

    /** The teams a user is a member of, by the members hashes, oldest membership first. */
    public List<Membership> teamsOf(String userId) {
        List<String> ids = await(redis.async().zrange(AccessKeys.teamsOf(userId), 0, -1));
        List<RedisFuture<String>> roles = ids.stream()
                .map(id -> redis.async().hget(AccessKeys.members(id), userId)).toList();
        List<Membership> teams = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Role> role = Role.parse(await(roles.get(i)));
            if (role.isPresent()) {
                find(ids.get(i)).ifPresent(team -> teams.add(new Membership(team, role.get())));
            }
        }
        return teams;
    }

    /** Whether the user may join or create one more team. */
    public void checkRoomForAnotherTeam(String userId) {
        if (await(redis.async().zcard(AccessKeys.teamsOf(userId))) >= Limits.TEAMS_PER_USER) {
            throw ProblemException.conflict("A user can belong to at most " + Limits.TEAMS_PER_USER + " teams");
        }
    }

    public void rename(String teamId, String name) {
        await(redis.async().hset(UserKeys.team(teamId), "name", name));
    }

    /** Deletes a team that has no sites left; false while it has some. */
    public boolean deleteIfEmpty(String teamId) {
        Map<String, Role> members = members(teamId);
        Long deleted = DELETE_EMPTY.run(redis, ScriptOutputType.INTEGER, new String[]{UserKeys.team(teamId),
                AccessKeys.members(teamId), AccessKeys.teamSites(teamId), UserKeys.teamInvitations(teamId)});
        if (deleted == 0) {
            return false;
        }
        members.keySet().forEach(userId -> await(redis.async().zrem(AccessKeys.teamsOf(userId), teamId)));
        return true;
    }

    /** A team and the caller's role on it. */
    public record Membership(Team team, Role role) {
    }
}
