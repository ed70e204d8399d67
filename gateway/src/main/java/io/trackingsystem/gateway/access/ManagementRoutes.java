package io.trackingsystem.gateway.access;

import io.trackingsystem.gateway.auth.BearerAuthentication;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.contract.Targets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;

import java.util.List;
import java.util.Map;

import static io.trackingsystem.routes.contract.Operations.*;

/**
 * Teams, members, invitations, sites, keys and shares at the edge. Each call is answered by the user-service for
 * the signed-in user, who checks their role on the team itself; the gateway adds only the verified user and the
 * ids from the URL path. The routes also keep this gateway's access caches current.
 */
public final class ManagementRoutes extends RouteBuilder {

    /** Placeholders of the paths below, and the headers that carry them to the user-service. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("{team}", Targets.TEAM,
            "{member}", Targets.MEMBER, "{site}", Targets.SITE, "{key}", Targets.KEY, "{share}", Targets.SHARE,
            "{invitation}", Targets.INVITATION, "{token}", Targets.TOKEN);

    /** {@code sealed}: the request carries a secret (a share's password, an invitation's token). */
    private record Call(String method, String path, String operation, boolean sealed) {
        Call(String method, String path, String operation) {
            this(method, path, operation, false);
        }
    }

    private static final List<Call> CALLS = List.of(
            new Call("GET", "/api/teams", LIST_TEAMS),
            new Call("POST", "/api/teams", CREATE_TEAM),
            new Call("GET", "/api/teams/{team}", SHOW_TEAM),
            new Call("PATCH", "/api/teams/{team}", UPDATE_TEAM),
            new Call("DELETE", "/api/teams/{team}", DELETE_TEAM),
            new Call("GET", "/api/teams/{team}/members", LIST_MEMBERS),
            new Call("PATCH", "/api/teams/{team}/members/{member}", UPDATE_MEMBER),
            new Call("DELETE", "/api/teams/{team}/members/{member}", REMOVE_MEMBER),
            new Call("GET", "/api/teams/{team}/invitations", LIST_INVITATIONS),
            new Call("POST", "/api/teams/{team}/invitations", CREATE_INVITATION),
            new Call("DELETE", "/api/teams/{team}/invitations/{invitation}", DELETE_INVITATION),
            new Call("POST", "/api/invitations/{token}/accept", ACCEPT_INVITATION, true),
            new Call("GET", "/api/sites", LIST_SITES),
            new Call("POST", "/api/sites", CREATE_SITE),
            new Call("GET", "/api/sites/{site}", SHOW_SITE),
            new Call("PATCH", "/api/sites/{site}", UPDATE_SITE),
            new Call("DELETE", "/api/sites/{site}", DELETE_SITE),
            new Call("GET", "/api/sites/{site}/keys", LIST_KEYS),
            new Call("POST", "/api/sites/{site}/keys", CREATE_KEY),
            new Call("DELETE", "/api/sites/{site}/keys/{key}", DELETE_KEY),
            new Call("GET", "/api/sites/{site}/shares", LIST_SHARES),
            new Call("POST", "/api/sites/{site}/shares", CREATE_SHARE, true),
            new Call("DELETE", "/api/sites/{site}/shares/{share}", DELETE_SHARE));

    @Override
    public void configure() {
        Processor bearer = BearerAuthentication.in(getContext());
        for (Call call : CALLS) {
            String route = "manage-" + call.operation();
            String restPath = call.path().replace("{", "{p_");
            RestDefinition rest = rest();
            switch (call.method()) {
                case "GET" -> rest.get(restPath).to("direct:" + route);
                case "POST" -> rest.post(restPath).to("direct:" + route);
                case "PATCH" -> rest.patch(restPath).to("direct:" + route);
                default -> rest.delete(restPath).to("direct:" + route);
            }
            from("direct:" + route).routeId(route)
                    .process(exchange -> targets(exchange, call.path()))
                    .process(bearer)
                    .to(userService(call.operation()) + (call.sealed() ? Operations.SEALED : ""));
        }
    }

    /** Sets the target headers from the request path alone, after removing any the client sent. */
    static void targets(Exchange exchange, String template) {
        Message message = exchange.getMessage();
        Targets.ALL.forEach(message::removeHeader);
        String[] pattern = template.split("/");
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String[] actual = path == null ? new String[0] : path.split("/");
        for (int i = 0; i < pattern.length && i < actual.length; i++) {
            String header = PLACEHOLDERS.get(pattern[i]);
            if (header != null) {
                message.setHeader(header, QueryParameter.decode(actual[i]));
            }
        }
        String team = QueryParameter.first(exchange, "team");
        if (team != null) {
            message.setHeader(Targets.TEAM_FILTER, team);
        }
    }
}
