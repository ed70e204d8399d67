package io.trackingsystem.users.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Refreshing and ending sessions, and publishing the key that verifies access tokens. */
public final class TokenRoutes extends RouteBuilder {

    private final Redis redis;
    private final SigningKey key;
    private final Sessions sessions;

    public TokenRoutes(Redis redis, SigningKey key, Sessions sessions) {
        this.redis = redis;
        this.key = key;
        this.sessions = sessions;
    }

    @Override
    public void configure() throws Exception {
        getContext().addService(new PublicKeyPublisher(redis, key, sessions.accessTokenLifetime(), getContext()));
        getContext().getRegistry().bind(SigningKey.BEAN, key);

        from("service:user-service?operation=refresh&sealed=true").routeId("refresh")
                .process(this::refresh);

        from("service:user-service?operation=logout&sealed=true").routeId("logout")
                .process(this::logout);
    }

    private void refresh(Exchange exchange) {
        TokenPair pair = sessions.refresh(refreshToken(exchange));
        Responses.json(exchange, 200, pair.writeTo(Responses.object()));
    }

    /** Ends the session of the refresh token and that of the access token used to ask; usually they are one. */
    private void logout(Exchange exchange) {
        String userId = Requests.principal(exchange);
        Set<String> ended = new LinkedHashSet<>();
        ended.add(sessions.sessionOf(userId, refreshToken(exchange)));
        String bearerSession = exchange.getMessage().getHeader(Requests.SESSION, String.class);
        if (Sessions.isSessionId(bearerSession)) {
            ended.add(bearerSession);
        }
        sessions.end(userId, ended);
        Responses.noContent(exchange);
    }

    private static String refreshToken(Exchange exchange) {
        ObjectNode body = Requests.jsonBody(exchange);
        List<FieldError> errors = new ArrayList<>();
        String token = Requests.text(body, "refreshToken", errors);
        if (errors.isEmpty() && (token == null || token.isEmpty())) {
            errors.add(FieldError.of("refreshToken", "refreshToken is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return token;
    }
}
