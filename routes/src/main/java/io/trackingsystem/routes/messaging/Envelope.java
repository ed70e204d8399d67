package io.trackingsystem.routes.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.trackingsystem.routes.problem.ProblemException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The wire format of request/reply. A request is one stream entry; a reply is one pub/sub message framed as
 * {@code id \n status \n headers-json \n body}, so the body travels as it is, unescaped. A sealed request carries
 * its headers and body only inside {@link #SEALED} ({@link SealedBox}), so no secret in them is ever written to the
 * stream, and from there to the append-only file; replies are never stored, since Redis persists no pub/sub.
 */
final class Envelope {

    static final String ID = "id";
    static final String REPLY_TO = "reply";
    static final String DEADLINE = "deadline";
    static final String OPERATION = "op";
    static final String PRINCIPAL = "principal";
    static final String HEADERS = "headers";
    static final String BODY = "body";
    static final String SEALED = "sealed";

    /** Credentials and transport details never travel to a service. */
    private static final Set<String> WITHHELD = Set.of("authorization", "cookie", "x-api-key", "x-share-password",
            "host", "connection", "content-length", "transfer-encoding", "accept-encoding", "keep-alive", PRINCIPAL);

    /** Only these reply headers reach the HTTP response. */
    private static final Set<String> REPLY_HEADERS = Set.of(Exchange.CONTENT_TYPE, "Retry-After", "Location",
            "Content-Disposition", "Cache-Control");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Envelope() {
    }

    static Map<String, String> request(String id, String replyTo, long deadline, String operation,
                                       Exchange exchange) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, id);
        fields.put(REPLY_TO, replyTo);
        fields.put(DEADLINE, Long.toString(deadline));
        fields.put(OPERATION, operation);
        String principal = exchange.getProperty(Messaging.PRINCIPAL, String.class);
        if (principal != null) {
            fields.put(PRINCIPAL, principal);
        }
        fields.put(HEADERS, toJson(forwardable(exchange.getMessage())));
        String body = exchange.getMessage().getBody(String.class);
        fields.put(BODY, body == null ? "" : body);
        return fields;
    }

    /** Replaces the request's headers and body by a box that only the recipients can open. */
    static void seal(Map<String, String> fields, List<SealedBox.Recipient> recipients) {
        String content = fields.remove(HEADERS) + '\n' + fields.remove(BODY);
        fields.put(SEALED, SealedBox.seal(content.getBytes(StandardCharsets.UTF_8), associated(fields), recipients));
    }

    static boolean isSealed(Map<String, String> fields) {
        return fields.containsKey(SEALED);
    }

    /**
     * The request with its headers and body back in the clear, when it was sealed; 503 when none of the keys it
     * was sealed to is held here any more (its replicas have stopped), so the caller may send it again.
     */
    static Map<String, String> opened(Map<String, String> fields, Function<String, Optional<KeyPair>> keys) {
        if (!isSealed(fields)) {
            return fields;
        }
        String content = SealedBox.open(fields.get(SEALED), associated(fields), keys)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> ProblemException.unavailable(
                        "The request was sealed for replicas that have stopped; send it again", 1));
        int newline = content.indexOf('\n');
        Map<String, String> opened = new LinkedHashMap<>(fields);
        opened.remove(SEALED);
        opened.put(HEADERS, content.substring(0, newline));
        opened.put(BODY, content.substring(newline + 1));
        return opened;
    }

    /** The clear fields, bound to the box: none can be changed without the box failing to open. */
    private static byte[] associated(Map<String, String> fields) {
        return String.join("\n", fields.get(ID), fields.get(REPLY_TO), fields.get(DEADLINE), fields.get(OPERATION),
                fields.getOrDefault(PRINCIPAL, "")).getBytes(StandardCharsets.UTF_8);
    }

    /** Fills a service-side message from a request entry; the principal comes only from its own field. */
    static void applyRequest(Map<String, String> fields, Message message) {
        message.setHeaders(new LinkedHashMap<>(fromJson(fields.get(HEADERS))));
        message.setHeader(Messaging.OPERATION, fields.get(OPERATION));
        String principal = fields.get(PRINCIPAL);
        if (principal != null) {
            message.setHeader(Messaging.PRINCIPAL, principal);
        }
        message.setBody(fields.getOrDefault(BODY, ""));
    }

    static String reply(String id, Message message) {
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLY_HEADERS) {
            Object value = message.getHeader(name);
            if (value != null) {
                headers.put(name, value.toString());
            }
        }
        String body = message.getBody(String.class);
        return id + '\n' + status + '\n' + toJson(headers) + '\n' + (body == null ? "" : body);
    }

    /** A parsed reply: the caller's correlation id, then what to put on its message. */
    record Reply(String id, int status, Map<String, String> headers, String body) {

        static Reply parse(String frame) {
            int first = frame.indexOf('\n');
            int second = frame.indexOf('\n', first + 1);
            int third = frame.indexOf('\n', second + 1);
            if (first < 0 || second < 0 || third < 0) {
                throw new IllegalArgumentException("malformed reply frame");
            }
            return new Reply(frame.substring(0, first),
                    Integer.parseInt(frame.substring(first + 1, second)),
                    fromJson(frame.substring(second + 1, third)),
                    frame.substring(third + 1));
        }

        void applyTo(Message message) {
            message.getHeaders().clear();
            message.setHeaders(new LinkedHashMap<>(headers));
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            message.setBody(body);
        }
    }

    private static Map<String, String> forwardable(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && !name.startsWith("camel")
                    && !WITHHELD.contains(name.toLowerCase(Locale.ROOT))
                    && (value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                headers.put(name, value.toString());
            }
        });
        return headers;
    }

    private static String toJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
