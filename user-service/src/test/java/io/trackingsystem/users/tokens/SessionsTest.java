package io.trackingsystem.users.tokens;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.UserKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SessionsTest {

    private static final Duration ACCESS_TTL = Duration.ofMinutes(10);
    private static final Duration REFRESH_TTL = Duration.ofDays(30);

    private final String userId = UUID.randomUUID().toString();
    private Redis redis;
    private Redis.Dedicated connection;
    private RedisClusterCommands<String, String> commands;
    private Sessions sessions;

    @BeforeEach
    void start() {
        RedisFixture.flush();
        redis = Redis.connect(RedisFixture.url());
        connection = redis.dedicated();
        commands = connection.sync();
        String[] pair = SigningKey.generatePem();
        sessions = new Sessions(redis, new AccessTokens(SigningKey.of(pair[0], pair[1]), ACCESS_TTL), REFRESH_TTL);
    }

    @AfterEach
    void stop() {
        connection.close();
        redis.close();
    }

    @Test
    void storesOnlyADigestOfTheRefreshToken() {
        RefreshToken token = parse(sessions.start(userId));

        String session = UserKeys.session(userId, token.sessionId());
        assertThat(commands.hget(session, "current")).isEqualTo(token.digest());
        assertThat(commands.keys("*")).noneMatch(key -> key.contains(token.secret()));
        assertThat(commands.hgetall(session).values()).noneMatch(value -> value.contains(token.secret()));
        assertThat(commands.pttl(session)).isCloseTo(REFRESH_TTL.toMillis(), within(5_000L));
    }

    @Test
    void eachRefreshPushesTheSessionsExpiryOut() {
        RefreshToken token = parse(sessions.start(userId));
        String session = UserKeys.session(userId, token.sessionId());
        commands.pexpire(session, 60_000);

        sessions.refresh(token.value());

        assertThat(commands.pttl(session)).isCloseTo(REFRESH_TTL.toMillis(), within(5_000L));
        assertThat(commands.zscore(UserKeys.sessionsOf(userId), token.sessionId()))
                .isCloseTo(System.currentTimeMillis() + REFRESH_TTL.toMillis(), within(5_000.0));
    }

    @Test
    void reuseEndsTheSessionAndListsItUntilItsAccessTokensHaveExpired() {
        TokenPair first = sessions.start(userId);
        TokenPair second = sessions.refresh(first.refreshToken());

        assertThatThrownBy(() -> sessions.refresh(first.refreshToken())).isInstanceOf(ProblemException.class);

        String sessionId = parse(first).sessionId();
        assertThat(commands.exists(UserKeys.session(userId, sessionId))).isZero();
        assertThat(commands.zscore(UserKeys.REVOKED_SESSIONS, sessionId)).isCloseTo(
                System.currentTimeMillis() + ACCESS_TTL.plusMinutes(1).toMillis(), within(5_000.0));
        assertThatThrownBy(() -> sessions.refresh(second.refreshToken())).isInstanceOf(ProblemException.class);
    }

    @Test
    void endingAllSessionsEndsEveryOneOfTheUsers() {
        List<TokenPair> pairs = List.of(sessions.start(userId), sessions.start(userId), sessions.start(userId));
        TokenPair someoneElse = sessions.start(UUID.randomUUID().toString());

        sessions.endAll(userId);

        for (TokenPair pair : pairs) {
            assertThatThrownBy(() -> sessions.refresh(pair.refreshToken())).isInstanceOf(ProblemException.class);
        }
        assertThat(commands.zcard(UserKeys.REVOKED_SESSIONS)).isEqualTo(3);
        assertThat(commands.exists(UserKeys.sessionsOf(userId))).isZero();
        assertThat(sessions.refresh(someoneElse.refreshToken())).isNotNull();
    }

    @Test
    void theRevocationListForgetsEntriesWhoseTokensHaveRunOut() {
        commands.zadd(UserKeys.REVOKED_SESSIONS, System.currentTimeMillis() - 1, "long-gone");

        sessions.end(userId, List.of(parse(sessions.start(userId)).sessionId()));

        assertThat(commands.zscore(UserKeys.REVOKED_SESSIONS, "long-gone")).isNull();
        assertThat(commands.zcard(UserKeys.REVOKED_SESSIONS)).isEqualTo(1);
    }

    @Test
    void aSessionIsOnlyTheCallersWhenThePresentedTokenIsItsCurrentOne() {
        String victim = UUID.randomUUID().toString();
        String victimSession = parse(sessions.start(victim)).sessionId();
        TokenPair own = sessions.start(userId);
        RefreshToken ownToken = parse(own);
        String grafted = userId + "." + victimSession + "." + ownToken.secret();
        String forgedSecret = userId + "." + ownToken.sessionId() + "." + "A".repeat(43);
        TokenPair rotated = sessions.refresh(own.refreshToken());

        assertThatThrownBy(() -> sessions.sessionOf(userId, grafted)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> sessions.sessionOf(userId, forgedSecret)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> sessions.sessionOf(userId, own.refreshToken()))
                .as("a token already exchanged").isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> sessions.sessionOf(victim, rotated.refreshToken()))
                .as("another user's").isInstanceOf(ProblemException.class);
        assertThat(sessions.sessionOf(userId, rotated.refreshToken())).isEqualTo(ownToken.sessionId());
    }

    private static RefreshToken parse(TokenPair pair) {
        return RefreshToken.parse(pair.refreshToken()).orElseThrow();
    }
}
