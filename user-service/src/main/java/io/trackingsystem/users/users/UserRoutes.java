package io.trackingsystem.users.users;

import io.trackingsystem.users.sites.Onboarding;
import io.trackingsystem.users.tokens.Sessions;
import org.apache.camel.builder.RouteBuilder;

/** Accounts: registration, sign-in and the signed-in user's profile. */
public final class UserRoutes extends RouteBuilder {

    private final Registration registration;
    private final Login login;
    private final Profile profile;

    public UserRoutes(UserStore users, Passwords passwords, LoginThrottle throttle,
                      RegistrationThrottle registrationThrottle, Sessions sessions, Onboarding onboarding) {
        this.registration = new Registration(users, passwords, sessions, registrationThrottle, onboarding);
        this.login = new Login(users, passwords, throttle, sessions);
        this.profile = new Profile(users, passwords, throttle, sessions);
    }

    @Override
    public void configure() {
        from("service:user-service?operation=register&sealed=true").routeId("register")
                .process(registration);

        from("service:user-service?operation=login&sealed=true").routeId("login")
                .process(login);

        from("service:user-service?operation=me").routeId("me")
                .process(profile::show);

        from("service:user-service?operation=updateMe&sealed=true").routeId("update-me")
                .process(profile::update);
    }
}
