package io.trackingsystem.users.teams;

import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.teams.TeamStore.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TeamStoreTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private Redis redis;
    private TeamStore teams;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
        teams = new TeamStore(redis);
        teams.create(new Team("team", "Acme", false, NOW), "owner");
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorBeDemoted() {
        assertThat(teams.remove("team", "owner")).isEqualTo(Change.LAST_OWNER);
        assertThat(teams.setRole("team", "owner", Role.ADMIN)).isEqualTo(Change.LAST_OWNER);

        teams.join("team", "second", Role.OWNER, NOW);

        assertThat(teams.setRole("team", "owner", Role.VIEWER)).isEqualTo(Change.CHANGED);
        assertThat(teams.remove("team", "second")).isEqualTo(Change.LAST_OWNER);
    }

    @Test
    void joiningAgainKeepsTheStrongerRole() {
        teams.join("team", "member", Role.ADMIN, NOW);
        teams.join("team", "member", Role.VIEWER, NOW);
        assertThat(teams.role("team", "member")).contains(Role.ADMIN);

        teams.join("team", "member", Role.OWNER, NOW);
        assertThat(teams.role("team", "member")).contains(Role.OWNER);
    }

    @Test
    void aTeamListedForAUserGrantsNothingWithoutItsMembership() {
        teams.join("team", "member", Role.VIEWER, NOW);
        redis.async().hdel(AccessKeys.members("team"), "member").toCompletableFuture().join();

        assertThat(teams.teamsOf("member")).isEmpty();
        assertThat(teams.teamsOf("owner")).extracting(m -> m.team().id()).containsExactly("team");
    }

    @Test
    void creatingATeamTwiceChangesNothing() {
        teams.create(new Team("team", "Renamed", false, NOW.plusSeconds(5)), "owner");

        assertThat(teams.find("team")).map(Team::name).contains("Acme");
        assertThat(teams.members("team")).containsOnlyKeys("owner");
    }

    @Test
    void removedMembersLeaveTheirListOfTeams() {
        teams.join("team", "member", Role.VIEWER, NOW);

        assertThat(teams.remove("team", "member")).isEqualTo(Change.CHANGED);

        assertThat(redis.async().zrange(AccessKeys.teamsOf("member"), 0, -1).toCompletableFuture().join()).isEmpty();
        assertThat(teams.remove("team", "member")).isEqualTo(Change.ABSENT);
    }
}
