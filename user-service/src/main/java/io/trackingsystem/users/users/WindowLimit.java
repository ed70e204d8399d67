package io.trackingsystem.users.users;

import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.RedisCalls.Script;

import java.time.Duration;
import java.util.List;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * At most {@code max} uses per key within a window that opens with the first use and never extends. A use is
 * taken before the work it pays for, in one step with the check, so concurrent attempts cannot all pass a check
 * that none of them has counted yet. Each key is one Redis string, so every script touches a single slot.
 */
final class WindowLimit {

    /** Answers {1, uses} when a use was taken, {0, ms left in the window} when the limit is reached. */
    private static final Script TAKE = Script.of("""
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used >= tonumber(ARGV[1]) then
              local left = redis.call('PTTL', KEYS[1])
              if left < 0 then
                left = tonumber(ARGV[2])
                redis.call('PEXPIRE', KEYS[1], left)
              end
              return {0, left}
            end
            used = redis.call('INCR', KEYS[1])
            if used == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return {1, used}
            """);

    /** Gives back one use, never below zero, and never creates a key that has already expired. */
    private static final Script GIVE_BACK = Script.of("""
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used > 0 then redis.call('DECR', KEYS[1]) end
            return used
            """);

    private final Redis redis;
    private final int max;
    private final Duration window;
    private final String refusal;

    /** @param refusal the detail of the 429 answer once the limit is reached */
    WindowLimit(Redis redis, int max, Duration window, String refusal) {
        this.redis = redis;
        this.max = max;
        this.window = window;
        this.refusal = refusal;
    }

    /** Takes one use of {@code key}, or answers 429 with the seconds until the window closes. */
    void take(String key) {
        List<Long> answer = TAKE.run(redis, ScriptOutputType.MULTI, new String[]{key}, Integer.toString(max),
                Long.toString(window.toMillis()));
        if (answer.get(0) == 0) {
            long millisLeft = Math.max(1, answer.get(1));
            throw ProblemException.tooManyRequests(refusal, (millisLeft + 999) / 1000);
        }
    }

    /** Returns a use taken for work that turned out not to count, such as a sign-in that succeeded. */
    void giveBack(String key) {
        GIVE_BACK.run(redis, ScriptOutputType.INTEGER, new String[]{key});
    }

    /** Forgets every use of {@code key}. */
    void clear(String key) {
        await(redis.async().del(key));
    }
}
