package io.trackingsystem.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.SiteId;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import org.apache.camel.Exchange;

import java.util.List;

/** Reads what the gateway forwarded: the JSON body, the authenticated user and the client's address. */
public final class Requests {

    /**
     * Header the gateway sets to the caller's address, replacing any value the client sent. Login throttling
     * counts failures per email and this address.
     */
    public static final String CLIENT_ADDRESS = "X-Client-Address";
    /** Header the gateway sets to the session of the verified access token, on logout. */
    public static final String SESSION = "X-Session-Id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** The body as a JSON object; anything else answers 400. */
    public static ObjectNode jsonBody(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request needs a JSON object body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON");
        }
        throw ProblemException.badRequest("The request needs a JSON object body");
    }

    /** A string member, or null when absent; a member of another type is recorded as a field error. */
    public static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.of(field, field + " must be a string"));
            return null;
        }
        return value.textValue();
    }

    /** The user the gateway authenticated; a request without one answers 401. */
    public static String principal(Exchange exchange) {
        String principal = exchange.getMessage().getHeader(Messaging.PRINCIPAL, String.class);
        if (principal == null || principal.isBlank()) {
            throw ProblemException.unauthorized("Sign in first");
        }
        return principal;
    }

    /** A target id from the URL path; one of the wrong shape names nothing, so it answers 404. */
    public static String target(Exchange exchange, String header) {
        String id = exchange.getMessage().getHeader(header, String.class);
        if (!SiteId.isValid(id)) {
            throw ProblemException.notFound("Nothing is found at this address");
        }
        return id;
    }

    /** The body as a JSON object, or an empty one when there is none. */
    public static ObjectNode optionalJsonBody(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        return body == null || body.isBlank() ? JSON.createObjectNode() : jsonBody(exchange);
    }

    public static String clientAddress(Exchange exchange) {
        String address = exchange.getMessage().getHeader(CLIENT_ADDRESS, String.class);
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
