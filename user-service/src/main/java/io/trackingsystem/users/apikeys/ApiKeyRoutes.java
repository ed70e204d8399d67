package io.trackingsystem.users.apikeys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.users.Requests;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.users.User;
import io.trackingsystem.users.users.UserStore;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * API keys: resolving one to its account for the gateways' caches, and replacing a user's key. The replaced key
 * is announced on {@link UserKeys#API_KEYS_REVOKED_CHANNEL} so every gateway forgets it at once.
 */
public final class ApiKeyRoutes extends RouteBuilder {

    private static final String NEW_KEY = "newApiKey";
    private static final int ATTEMPTS = 3;

    private final UserStore users;

    public ApiKeyRoutes(UserStore users) {
        this.users = users;
    }

    @Override
    public void configure() {
        from("service:user-service?operation=resolveApiKey&sealed=true").routeId("resolve-api-key")
                .process(this::resolve);

        from("service:user-service?operation=rotateApiKey").routeId("rotate-api-key")
                .process(this::replace)
                .to("broadcast:" + UserKeys.API_KEYS_REVOKED_CHANNEL)
                .process(this::answerNewKey);
    }

    /** Body: the key. Answers its account id, or 404. */
    private void resolve(Exchange exchange) {
        String key = exchange.getMessage().getBody(String.class);
        Optional<String> account = key == null || key.isBlank() || key.length() > ApiKey.MAX_LENGTH
                ? Optional.empty() : users.idForApiKey(key.strip());
        Responses.text(exchange, account.orElseThrow(() -> ProblemException.notFound("Unknown API key")));
    }

    /** Swaps in a new key; leaves the old one as the body, to be announced. */
    private void replace(Exchange exchange) {
        String userId = Requests.principal(exchange);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            User user = users.find(userId)
                    .orElseThrow(() -> ProblemException.unauthorized("This account no longer exists"));
            String newKey = ApiKey.generate();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (users.replaceApiKey(user, newKey, now) == UserStore.Replaced.REPLACED) {
                exchange.setProperty(NEW_KEY, newKey);
                exchange.getMessage().setBody(user.apiKey());
                return;
            }
        }
        throw ProblemException.conflict("The API key changed meanwhile; try again");
    }

    private void answerNewKey(Exchange exchange) {
        ObjectNode reply = Responses.object().put("apiKey", exchange.getProperty(NEW_KEY, String.class));
        Responses.json(exchange, 200, reply);
    }
}
