package io.trackingsystem.users.tokens;

import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.RedisCalls;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.UserKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Login sessions. A session is one family of refresh tokens: each refresh exchanges the current token for a new
 * one and pushes the session's expiry out again. A token that was already exchanged and comes back means it was
 * copied, so the whole family ends. Ending a session also revokes its access tokens: they carry its id, and
 * gateways refuse ids listed in {@link UserKeys#REVOKED_SESSIONS} or announced on
 * {@link UserKeys#SESSIONS_REVOKED_CHANNEL}.
 */
public final class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    /** Revocations outlive the tokens they cover by this much, in case clocks drift apart. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private static final Script START = Script.of("""
            redis.call('HSET', KEYS[1], 'current', ARGV[1], 'createdAt', ARGV[2], 'rotatedAt', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
            redis.call('ZADD', KEYS[2], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[4])
            local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
            redis.call('PEXPIREAT', KEYS[2], last[2])
            return 1
            """);

    private static final Script ROTATE = Script.of("""
            local current = redis.call('HGET', KEYS[1], 'current')
            if not current then return 'unknown' end
            if current ~= ARGV[1] then
              if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 'reused' end
              return 'unknown'
            end
            local now = tonumber(ARGV[3])
            local ttl = tonumber(ARGV[4])
            redis.call('HSET', KEYS[1], 'current', ARGV[2], 'rotatedAt', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ttl)
            redis.call('ZADD', KEYS[2], now, ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttl)
            redis.call('PEXPIRE', KEYS[2], ttl)
            redis.call('ZADD', KEYS[3], now + ttl, ARGV[5])
            local last = redis.call('ZRANGE', KEYS[3], -1, -1, 'WITHSCORES')
            redis.call('PEXPIREAT', KEYS[3], last[2])
            return 'rotated'
            """);

    private final Redis redis;
    private final AccessTokens accessTokens;
    private final Duration refreshTtl;

    public Sessions(Redis redis, AccessTokens accessTokens, Duration refreshTtl) {
        this.redis = redis;
        this.accessTokens = accessTokens;
        this.refreshTtl = refreshTtl;
    }

    public TokenPair start(String userId) {
        String sessionId = RefreshToken.newSessionId();
        RefreshToken refresh = RefreshToken.issue(userId, sessionId);
        START.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.session(userId, sessionId), UserKeys.sessionsOf(userId)},
                refresh.digest(), Long.toString(System.currentTimeMillis()), Long.toString(refreshTtl.toMillis()),
                sessionId);
        return pair(refresh);
    }

    /** Exchanges a refresh token for a new pair; anything but the session's current token answers 401. */
    public TokenPair refresh(String presented) {
        RefreshToken token = RefreshToken.parse(presented).orElseThrow(Sessions::invalidToken);
        RefreshToken next = RefreshToken.issue(token.userId(), token.sessionId());
        String outcome = ROTATE.run(redis, ScriptOutputType.VALUE,
                new String[]{UserKeys.session(token.userId(), token.sessionId()),
                        UserKeys.rotatedTokens(token.userId(), token.sessionId()),
                        UserKeys.sessionsOf(token.userId())},
                token.digest(), next.digest(), Long.toString(System.currentTimeMillis()),
                Long.toString(refreshTtl.toMillis()), token.sessionId());
        if ("rotated".equals(outcome)) {
            return pair(next);
        }
        if ("reused".equals(outcome)) {
            LOG.warn("A used refresh token came back for user {}; ending session {}", token.userId(),
                    token.sessionId());
            end(token.userId(), List.of(token.sessionId()));
        }
        throw invalidToken();
    }

    /**
     * The session of a refresh token that is the current token of one of {@code userId}'s sessions, else 401. Its
     * user and session parts alone prove nothing: session ids travel in every access token.
     */
    public String sessionOf(String userId, String presented) {
        RefreshToken token = RefreshToken.parse(presented)
                .filter(parsed -> parsed.userId().equals(userId))
                .orElseThrow(Sessions::invalidToken);
        String current = await(redis.async().hget(UserKeys.session(userId, token.sessionId()), "current"));
        if (current == null || !MessageDigest.isEqual(current.getBytes(StandardCharsets.US_ASCII),
                token.digest().getBytes(StandardCharsets.US_ASCII))) {
            throw invalidToken();
        }
        return token.sessionId();
    }

    /** Whether {@code text} has the shape of a session id, as carried in the {@code sid} claim. */
    public static boolean isSessionId(String text) {
        return RefreshToken.isSessionId(text);
    }

    /** Ends every session of a user, as after a password change. */
    public void endAll(String userId) {
        end(userId, await(redis.async().zrange(UserKeys.sessionsOf(userId), 0, -1)));
    }

    /**
     * Announces the revocation first, so gateways refuse the sessions' access tokens as early as possible, then
     * deletes the sessions so their refresh tokens stop working.
     */
    public void end(String userId, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        long refuseUntil = now + accessTokens.ttl().toMillis() + CLOCK_MARGIN.toMillis();
        StringBuilder announcement = new StringBuilder();
        List<String> keys = new ArrayList<>();
        List<RedisFuture<Long>> listed = new ArrayList<>();
        for (String sessionId : sessionIds) {
            announcement.append(sessionId).append(' ').append(refuseUntil).append('\n');
            keys.add(UserKeys.session(userId, sessionId));
            keys.add(UserKeys.rotatedTokens(userId, sessionId));
            listed.add(redis.async().zadd(UserKeys.REVOKED_SESSIONS, refuseUntil, sessionId));
        }
        listed.add(redis.async().zremrangebyscore(UserKeys.REVOKED_SESSIONS,
                Range.create(Double.NEGATIVE_INFINITY, (double) now)));
        listed.forEach(RedisCalls::await);
        await(redis.async().publish(UserKeys.SESSIONS_REVOKED_CHANNEL, announcement.toString()));
        await(redis.async().del(keys.toArray(String[]::new)));
        await(redis.async().zrem(UserKeys.sessionsOf(userId), sessionIds.toArray(String[]::new)));
    }

    public Duration accessTokenLifetime() {
        return accessTokens.ttl();
    }

    private static ProblemException invalidToken() {
        return ProblemException.unauthorized("The refresh token is not valid");
    }

    private TokenPair pair(RefreshToken refresh) {
        return new TokenPair(accessTokens.issue(refresh.userId(), refresh.sessionId()), refresh.value(),
                accessTokens.ttl().toSeconds());
    }
}
