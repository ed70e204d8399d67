package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body read in one streaming pass: its top-level members, and the items of its {@code batch} array each
 * with the number of bytes it took in the body, so per-event size limits need no second serialisation.
 *
 * @param members the top-level members, without {@code batch}
 * @param batch   the items of {@code batch}, or null when the body has none
 */
record JsonBody(ObjectNode members, List<Item> batch) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BATCH = "batch";

    record Item(JsonNode node, long bytes) {
    }

    /**
     * Fails with 400 unless the body is one JSON object, and with a field error when {@code batch} is no array.
     * Malformed JSON surfaces as a Jackson exception, which the problem handling answers with 400.
     */
    static JsonBody read(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("The body must be a JSON object");
            }
            ObjectNode members = JSON.createObjectNode();
            List<Item> batch = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (BATCH.equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw ProblemException.invalid(List.of(FieldError.of(BATCH, "must be an array of events")));
                    }
                    batch = items(parser);
                } else {
                    members.set(name, parser.readValueAsTree());
                }
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("The body must hold exactly one JSON object");
            }
            return new JsonBody(members, batch);
        } catch (JacksonException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read");
        }
    }

    private static List<Item> items(JsonParser parser) throws IOException {
        List<Item> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode node = parser.readValueAsTree();
            items.add(new Item(node, parser.currentLocation().getByteOffset() - start));
        }
        return items;
    }
}
