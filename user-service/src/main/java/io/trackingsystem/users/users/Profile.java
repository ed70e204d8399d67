package io.trackingsystem.users.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.tokens.Sessions;
import org.apache.camel.Exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's own account: read it, rename it, change its password. A password change needs the current
 * password, counts wrong guesses like failed logins, and ends every session of the user.
 */
final class Profile {

    private final UserStore users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    Profile(UserStore users, Passwords passwords, LoginThrottle throttle, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    void show(Exchange exchange) {
        Responses.json(exchange, 200, signedIn(exchange).toJson());
    }

    void update(Exchange exchange) {
        ObjectNode body = Requests.jsonBody(exchange);
        boolean rename = body.has("name");
        boolean changePassword = body.has("currentPassword") || body.has("newPassword");
        if (!rename && !changePassword) {
            throw ProblemException.badRequest("Send a name, or currentPassword and newPassword");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = rename ? UserInput.name(Requests.text(body, "name", errors), errors) : null;
        String current = changePassword ? Requests.text(body, "currentPassword", errors) : null;
        String next = null;
        if (changePassword) {
            if ((current == null || current.isEmpty()) && !UserInput.alreadyInvalid("currentPassword", errors)) {
                errors.add(FieldError.of("currentPassword", "Enter your current password"));
            }
            next = UserInput.newPassword("newPassword", Requests.text(body, "newPassword", errors), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        User user = signedIn(exchange);
        Map<String, String> changes = new LinkedHashMap<>();
        if (changePassword) {
            checkCurrentPassword(user, current, Requests.clientAddress(exchange));
            if (next.equals(current)) {
                throw ProblemException.invalid(List.of(FieldError.of("newPassword",
                        "Choose a password different from the current one")));
            }
            changes.put("passwordHash", passwords.hash(next));
        }
        if (rename) {
            changes.put("name", name);
        }
        changes.put("updatedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        if (!users.update(user.id(), changes)) {
            throw ProblemException.unauthorized("This account no longer exists");
        }
        if (changePassword) {
            sessions.endAll(user.id());
        }
        Responses.json(exchange, 200, signedIn(exchange).toJson());
    }

    private void checkCurrentPassword(User user, String current, String address) {
        LoginThrottle.Attempt attempt = throttle.begin(user.email(), address);
        boolean verified = current.length() <= UserInput.PASSWORD_MAX
                && passwords.matches(current, user.passwordHash());
        if (!verified) {
            throw ProblemException.forbidden("The current password is not correct");
        }
        attempt.succeeded();
    }

    private User signedIn(Exchange exchange) {
        return users.find(Requests.principal(exchange))
                .orElseThrow(() -> ProblemException.unauthorized("This account no longer exists"));
    }
}
