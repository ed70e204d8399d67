package io.trackingsystem.users.users;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.UserKeys;

import java.time.Duration;

/**
 * How many bcrypt-costing requests (sign-ins, registrations, password changes) the whole service takes per second,
 * from every address and on every replica together. Past it they answer 429 at once instead of queueing behind
 * each other: a flood from many addresses then costs a Redis call per request, not a bcrypt.
 */
public final class PasswordCheckBudget {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final WindowLimit limit;

    public PasswordCheckBudget(Redis redis, int perSecond) {
        this.limit = new WindowLimit(redis, perSecond, WINDOW,
                "Too many sign-ins and registrations right now; try again in a moment");
    }

    void take() {
        limit.take(UserKeys.PASSWORD_CHECKS);
    }
}
