package io.trackingsystem.gateway.auth;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Accounts and sign-in at the edge. Each call is answered by the user-service; the gateway adds only what it alone
 * knows: who the verified token speaks for, and the caller's address. The routes also keep every gateway's view of
 * revoked sessions current.
 */
public final class AuthRoutes extends RouteBuilder {

    private static final String USERS = "service:user-service?operation=";
    /** Their requests carry passwords or refresh tokens, so they travel sealed to the user-service's replicas. */
    private static final String SEALED = "&sealed=true";
    /** Header naming the session of the token a logout was sent with, as the user-service reads it. */
    private static final String SESSION_HEADER = "X-Session-Id";

    private final AuthConfig config;

    public AuthRoutes(AuthConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        Processor bearer = BearerAuthentication.in(getContext());
        Processor clientAddress = new ClientAddress(config.trustedProxies());

        rest("/api/auth")
                .post("/register").to("direct:auth-register")
                .post("/login").to("direct:auth-login")
                .post("/refresh").to("direct:auth-refresh")
                .post("/logout").to("direct:auth-logout");

        rest("/api/me")
                .get().to("direct:me")
                .patch().to("direct:me-update")
                .post("/api-key").to("direct:me-api-key");

        from("direct:auth-register").routeId("auth-register")
                .process(clientAddress)
                .to(USERS + "register" + SEALED);

        from("direct:auth-login").routeId("auth-login")
                .process(clientAddress)
                .to(USERS + "login" + SEALED);

        from("direct:auth-refresh").routeId("auth-refresh")
                .to(USERS + "refresh" + SEALED);

        from("direct:auth-logout").routeId("auth-logout")
                .process(bearer)
                .process(AuthRoutes::forwardSession)
                .to(USERS + "logout" + SEALED);

        from("direct:me").routeId("me")
                .process(bearer)
                .to(USERS + "me");

        from("direct:me-update").routeId("me-update")
                .process(bearer)
                .process(clientAddress)
                .to(USERS + "updateMe" + SEALED);

        from("direct:me-api-key").routeId("me-api-key")
                .process(bearer)
                .to(USERS + "rotateApiKey");

        from("broadcast:" + AuthKeys.SESSIONS_REVOKED_CHANNEL).routeId("sessions-revoked")
                .process(exchange -> TokenTrust.in(getContext()).revoked()
                        .revokeAnnounced(exchange.getMessage().getBody(String.class)));
    }

    /** Logout also ends the session of the token it was sent with; the client's own header is overwritten. */
    private static void forwardSession(Exchange exchange) {
        exchange.getMessage().setHeader(SESSION_HEADER, exchange.getProperty(BearerAuthentication.SESSION));
    }
}
