package io.trackingsystem.gateway.auth;

import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Authenticates a request by its access token, {@code Authorization: Bearer <jwt>}, and sets the exchange property
 * {@link Messaging#PRINCIPAL} to the user's id; anything else answers 401. Verification is local: no Redis round
 * trip per request. Use it in front of any route that acts for a signed-in user:
 * <pre>{@code from("direct:stats").process(BearerAuthentication.in(getContext())).to("service:...")}</pre>
 *
 * <p>Only on {@value #LIVE_PATH}, whose browser client (EventSource) cannot send headers, the token may also come
 * as the query parameter {@value #QUERY_PARAMETER}; it never travels further than this processor.
 */
public final class BearerAuthentication implements Processor {

    /** Exchange property: the session of the verified token. */
    public static final String SESSION = "sessionId";
    public static final String LIVE_PATH = "/api/live";
    public static final String QUERY_PARAMETER = "access_token";

    private static final String BEAN = "bearerAuthentication";
    private static final String SCHEME = "bearer ";

    private final AccessTokenVerifier verifier;

    private BearerAuthentication(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The context's one instance; it keeps the keys and revocations it verifies against up to date. */
    public static synchronized BearerAuthentication in(CamelContext context) {
        BearerAuthentication authentication = context.getRegistry().lookupByNameAndType(BEAN,
                BearerAuthentication.class);
        if (authentication == null) {
            TokenTrust trust = TokenTrust.in(context);
            authentication = new BearerAuthentication(new AccessTokenVerifier(trust.keys(), trust.revoked()));
            context.getRegistry().bind(BEAN, authentication);
        }
        return authentication;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String token = bearerToken(message.getHeader("Authorization", String.class));
        Object queryToken = message.removeHeader(QUERY_PARAMETER);
        if (token == null && queryToken instanceof String fromQuery && LIVE_PATH.equals(path(message))) {
            token = fromQuery;
        }
        if (token == null) {
            throw ProblemException.unauthorized("Sign in first: send Authorization: Bearer <access token>");
        }
        AccessTokenVerifier.VerifiedToken verified = verifier.verify(token)
                .orElseThrow(() -> ProblemException.unauthorized("The access token is invalid or has expired"));
        exchange.setProperty(Messaging.PRINCIPAL, verified.userId());
        exchange.setProperty(SESSION, verified.sessionId());
    }

    /** The credential of an {@code Authorization: Bearer} header, or null without one. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }

    private static String path(Message message) {
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null) {
            return null;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
