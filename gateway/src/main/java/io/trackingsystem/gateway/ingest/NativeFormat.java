package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/events}: one event, or {@code {"batch":[...]}}. The API key comes in the {@code X-API-Key}
 * header or as {@code apiKey} in the body, so that {@code sendBeacon}, which cannot set headers, works too.
 */
final class NativeFormat implements IngestFormat {

    static final String API_KEY_HEADER = "X-API-Key";

    @Override
    public Submission read(byte[] body, Message request, ClientRequest client) {
        if (body.length > Limits.BATCH_BYTES) {
            throw ProblemException.tooLarge("The body is " + body.length + " bytes; at most "
                    + Limits.BATCH_BYTES + " are accepted");
        }
        JsonBody json = JsonBody.read(body);
        String apiKey = apiKey(request, json);
        List<FieldError> errors = new ArrayList<>();
        List<String> events = new ArrayList<>();
        if (json.batch() == null) {
            if (body.length > Limits.EVENT_BYTES) {
                throw ProblemException.tooLarge("The event is " + body.length + " bytes; at most "
                        + Limits.EVENT_BYTES + " are accepted");
            }
            events.add(NativeEvent.normalise(new Fields(json.members(), "", errors), client));
        } else {
            List<JsonBody.Item> batch = json.batch();
            if (batch.size() > Limits.BATCH_EVENTS) {
                throw ProblemException.tooLarge("The batch holds " + batch.size() + " events; at most "
                        + Limits.BATCH_EVENTS + " are accepted");
            }
            if (batch.isEmpty()) {
                throw ProblemException.invalid(List.of(FieldError.of("batch", "must hold at least one event")));
            }
            for (int i = 0; i < batch.size(); i++) {
                JsonBody.Item item = batch.get(i);
                if (item.bytes() > Limits.EVENT_BYTES) {
                    throw ProblemException.tooLarge("batch[" + i + "] is " + item.bytes() + " bytes; an event may "
                            + "have at most " + Limits.EVENT_BYTES);
                }
                events.add(NativeEvent.normalise(new Fields(item.node(), "batch[" + i + "]", errors), client));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Submission(apiKey, events);
    }

    private static String apiKey(Message request, JsonBody json) {
        String header = request.getHeader(API_KEY_HEADER, String.class);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        var inBody = json.members().get("apiKey");
        if (inBody != null && inBody.isTextual() && !inBody.textValue().isBlank()) {
            return inBody.textValue().trim();
        }
        throw ProblemException.unauthorized("An API key is required: the X-API-Key header or apiKey in the body");
    }

    @Override
    public int acceptedStatus() {
        return 202;
    }

    @Override
    public String acceptedBody(int accepted) {
        return "{\"accepted\":" + accepted + "}";
    }
}
