package io.trackingsystem.users.users;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.UserKeys;

import java.time.Duration;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Slows password guessing: once an email has failed {@code maxFailures} times from one client address, further
 * attempts from there answer 429 until the window that began with the first failure closes. Attempts are refused
 * before the password is checked, so a throttled guess learns nothing. A success clears the count.
 */
public final class LoginThrottle {

    /** Starts the window with the first failure and never extends it. */
    private static final Script COUNT_FAILURE = Script.of("""
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return failures
            """);

    private final Redis redis;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(Redis redis, int maxFailures, Duration window) {
        this.redis = redis;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Answers 429 with the seconds left in the window when this email and address have failed too often. */
    public void check(String email, String clientAddress) {
        String key = UserKeys.loginFailures(UserInput.emailKey(email), clientAddress);
        RedisFuture<String> failures = redis.async().get(key);
        RedisFuture<Long> millisLeft = redis.async().pttl(key);
        String count = await(failures);
        if (count != null && Long.parseLong(count) >= maxFailures) {
            long left = await(millisLeft);
            long seconds = left > 0 ? (left + 999) / 1000 : window.toSeconds();
            throw ProblemException.tooManyRequests("Too many failed sign-ins; try again later", seconds);
        }
    }

    public void failed(String email, String clientAddress) {
        COUNT_FAILURE.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.loginFailures(UserInput.emailKey(email), clientAddress)},
                Long.toString(window.toMillis()));
    }

    public void succeeded(String email, String clientAddress) {
        await(redis.async().del(UserKeys.loginFailures(UserInput.emailKey(email), clientAddress)));
    }
}
