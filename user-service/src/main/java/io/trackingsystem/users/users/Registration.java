package io.trackingsystem.users.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.sites.Onboarding;
import io.trackingsystem.users.tokens.Sessions;
import io.trackingsystem.users.tokens.TokenPair;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates an account with its personal team, site and write key, and signs it in: 201, or 400 naming each bad field, or 409. */
final class Registration implements Processor {

    private final UserStore users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final RegistrationThrottle throttle;
    private final Onboarding onboarding;

    Registration(UserStore users, Passwords passwords, Sessions sessions, RegistrationThrottle throttle,
                 Onboarding onboarding) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.onboarding = onboarding;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        String name = UserInput.name(Requests.text(body, "name", errors), errors);
        String email = UserInput.email(Requests.text(body, "email", errors), errors);
        String password = UserInput.newPassword("password", Requests.text(body, "password", errors), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        throttle.take(Requests.clientAddress(exchange));
        // Spares the password hash for the common case; the claim below settles races.
        if (users.emailTaken(email)) {
            throw emailTaken();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        User user = new User(UUID.randomUUID().toString(), name, email, passwords.hash(password), now, now);
        if (!users.claimEmail(user)) {
            throw emailTaken();
        }
        users.write(user);
        Onboarding.Started started = onboarding.start(user.id(), name, now);
        if (!users.confirmEmail(user)) {
            users.discard(user);
            throw ProblemException.unavailable("Registration took too long; try again", 1);
        }
        TokenPair tokens = sessions.start(user.id());
        ObjectNode reply = Responses.object();
        // The first write key's secret is shown here once, so the snippet is ready; Redis keeps its digest only.
        reply.set("user", user.toJson().put("apiKey", started.key().secret()));
        reply.set("team", started.team().toJson(started.role()));
        reply.set("site", started.site().toJson(started.role()));
        Responses.json(exchange, 201, tokens.writeTo(reply));
        exchange.getMessage().setHeader("Location", "/api/me");
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("An account with this email already exists");
    }
}
