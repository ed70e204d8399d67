package io.trackingsystem.users.users;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.UserKeys;

import java.time.Duration;

/**
 * Slows password guessing. An attempt is counted as a failure before its password is checked, in one atomic step
 * with the check, so concurrent guesses cannot slip past a limit that none of them has counted yet; a success
 * takes its count back. Three limits apply, each answering 429 with {@code Retry-After}:
 * <ul>
 *   <li>failures for one email from one client address ({@code LOGIN_MAX_FAILURES} per window);</li>
 *   <li>failures from one client address whatever the email ({@code LOGIN_MAX_FAILURES_PER_ADDRESS}): password
 *       spraying across many accounts;</li>
 *   <li>the service's {@link PasswordCheckBudget}.</li>
 * </ul>
 * Refused attempts never reach bcrypt, so a throttled guess learns nothing. A window opens with its first failure.
 */
public final class LoginThrottle {

    private static final String REFUSAL = "Too many failed sign-ins; try again later";

    private final WindowLimit perAccount;
    private final WindowLimit perAddress;
    private final PasswordCheckBudget budget;

    public LoginThrottle(Redis redis, int maxFailures, int maxFailuresPerAddress, Duration window,
                         PasswordCheckBudget budget) {
        this.perAccount = new WindowLimit(redis, maxFailures, window, REFUSAL);
        this.perAddress = new WindowLimit(redis, maxFailuresPerAddress, window, REFUSAL);
        this.budget = budget;
    }

    /** Counts an attempt for this email from this address as failed until {@link Attempt#succeeded()}; or 429. */
    public Attempt begin(String email, String clientAddress) {
        Attempt attempt = new Attempt(UserKeys.loginFailures(UserInput.emailKey(email), clientAddress),
                UserKeys.loginFailuresFrom(clientAddress));
        perAccount.take(attempt.accountKey);
        try {
            perAddress.take(attempt.addressKey);
        } catch (ProblemException refused) {
            perAccount.giveBack(attempt.accountKey);
            throw refused;
        }
        try {
            budget.take();
        } catch (ProblemException refused) {
            perAccount.giveBack(attempt.accountKey);
            perAddress.giveBack(attempt.addressKey);
            throw refused;
        }
        return attempt;
    }

    /** One sign-in attempt, counted as failed unless it succeeds. */
    public final class Attempt {

        private final String accountKey;
        private final String addressKey;

        private Attempt(String accountKey, String addressKey) {
            this.accountKey = accountKey;
            this.addressKey = addressKey;
        }

        /** The right password: this email's failures from this address start afresh. */
        public void succeeded() {
            perAccount.clear(accountKey);
            perAddress.giveBack(addressKey);
        }
    }
}
