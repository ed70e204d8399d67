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
        SizeRules.body(body.length, this);
        JsonBody json = JsonBody.read(body);
        String apiKey = apiKey(request, json);
        List<FieldError> errors = new ArrayList<>();
        List<CanonicalEvent> events = new ArrayList<>();
        if (json.batch() == null) {
            SizeRules.singleEvent(body.length, this);
            events.add(NativeEvent.normalise(new Fields(json.members(), "", errors), client));
        } else {
            List<JsonBody.Item> batch = SizeRules.batch(json.batch(), this);
            for (int i = 0; i < batch.size(); i++) {
                events.add(NativeEvent.normalise(new Fields(batch.get(i).node(), "batch[" + i + "]", errors),
                        client));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Submission(apiKey, events);
    }

    /** The key as sent; {@link Intake} checks its form. */
    private static String apiKey(Message request, JsonBody json) {
        String header = request.getHeader(API_KEY_HEADER, String.class);
        if (header != null && !header.isBlank()) {
            return header;
        }
        var inBody = json.members().get("apiKey");
        if (inBody != null && inBody.isTextual() && !inBody.textValue().isBlank()) {
            return inBody.textValue();
        }
        throw ProblemException.unauthorized("An API key is required: the X-API-Key header or apiKey in the body");
    }

    @Override
    public ProblemException tooLarge(String detail) {
        return ProblemException.tooLarge(detail);
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
