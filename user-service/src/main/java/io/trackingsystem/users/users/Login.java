package io.trackingsystem.users.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.tokens.Sessions;
import io.trackingsystem.users.tokens.TokenPair;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signs in with email and password. Unknown emails and wrong passwords get the same 401 after the same bcrypt
 * work, so neither the answer nor its timing tells whether an account exists.
 */
final class Login implements Processor {

    private final UserStore users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    Login(UserStore users, Passwords passwords, LoginThrottle throttle, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        String email = Requests.text(body, "email", errors);
        String password = Requests.text(body, "password", errors);
        if (email == null || email.isBlank()) {
            required("email", "Enter your email address", errors);
        }
        if (password == null || password.isEmpty()) {
            required("password", "Enter your password", errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String address = Requests.clientAddress(exchange);
        LoginThrottle.Attempt attempt = throttle.begin(email, address);
        Optional<User> user = users.findByEmail(email);
        // No stored password is longer than the limit, so such a guess fails without feeding bcrypt a megabyte.
        boolean verified = password.length() <= UserInput.PASSWORD_MAX
                && passwords.matches(password, user.map(User::passwordHash).orElse(null));
        if (!verified) {
            throw ProblemException.unauthorized("The email or password is not correct");
        }
        attempt.succeeded();
        TokenPair tokens = sessions.start(user.get().id());
        ObjectNode reply = Responses.object();
        reply.set("user", user.get().toJson());
        Responses.json(exchange, 200, tokens.writeTo(reply));
    }

    private static void required(String field, String message, List<FieldError> errors) {
        if (!UserInput.alreadyInvalid(field, errors)) {
            errors.add(FieldError.of(field, message));
        }
    }
}
