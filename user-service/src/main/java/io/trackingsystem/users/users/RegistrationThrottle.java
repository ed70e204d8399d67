package io.trackingsystem.users.users;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.UserKeys;

import java.time.Duration;

/**
 * Bounds registrations: at most {@code REGISTRATIONS_PER_ADDRESS} per client address within
 * {@code REGISTRATION_WINDOW_SECONDS}, and the service's {@link PasswordCheckBudget}, since each one costs a bcrypt.
 * Every well-formed attempt counts, taken or not, so an address cannot probe for taken emails at will either.
 */
public final class RegistrationThrottle {

    private final WindowLimit perAddress;
    private final PasswordCheckBudget budget;

    public RegistrationThrottle(Redis redis, int maxPerAddress, Duration window, PasswordCheckBudget budget) {
        this.perAddress = new WindowLimit(redis, maxPerAddress, window,
                "Too many registrations from this address; try again later");
        this.budget = budget;
    }

    /** Counts one registration attempt from this address, or answers 429. */
    public void take(String clientAddress) {
        String key = UserKeys.registrationsFrom(clientAddress);
        perAddress.take(key);
        try {
            budget.take();
        } catch (ProblemException refused) {
            perAddress.giveBack(key);
            throw refused;
        }
    }
}
