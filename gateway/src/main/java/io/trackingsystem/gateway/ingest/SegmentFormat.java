package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Segment's HTTP tracking API, at every path its official libraries post to: {@code /v1/<call>} for track,
 * page, screen, identify, group and alias, analytics.js' one-letter forms of them, and the batch endpoints
 * {@code /v1/batch}, {@code /v1/import} (analytics-java, -ruby, Android) and {@code /v1/b} (analytics.js batching,
 * -swift, -kotlin). The write key is the HTTP Basic user, or {@code writeKey} in the body or in the batch's first
 * event. Oversize is answered with 400, since Segment libraries drop a batch on 400 instead of retrying it
 * forever; success with {@code {"success":true}}; refusals also carry {@code code} and {@code message}, which
 * analytics-python reads.
 */
final class SegmentFormat implements IngestFormat {

    private static final String BASIC = "basic ";
    private static final String BATCH = "batch";
    private static final String WRITE_KEY = "writeKey";
    /** Each path's call; a batch names the call of each of its events. */
    private static final Map<String, String> CALLS = Map.ofEntries(
            Map.entry("track", "track"), Map.entry("t", "track"),
            Map.entry("page", "page"), Map.entry("p", "page"),
            Map.entry("screen", "screen"), Map.entry("s", "screen"),
            Map.entry("identify", "identify"), Map.entry("i", "identify"),
            Map.entry("group", "group"), Map.entry("g", "group"),
            Map.entry("alias", "alias"), Map.entry("a", "alias"),
            Map.entry(BATCH, BATCH), Map.entry("b", BATCH), Map.entry("import", BATCH));

    @Override
    public Submission read(byte[] body, Message request, ClientRequest client) {
        String call = call(request);
        SizeRules.body(body.length, this);
        JsonBody json = JsonBody.read(body);
        List<FieldError> errors = new ArrayList<>();
        List<CanonicalEvent> events = new ArrayList<>();
        if (call.equals(BATCH)) {
            List<JsonBody.Item> batch = SizeRules.batch(json.batch(), this);
            Fields batchFields = new Fields(json.members(), "", errors);
            var context = batchFields.object("context");
            Long sentAt = batchFields.time("sentAt");
            for (int i = 0; i < batch.size(); i++) {
                events.add(SegmentEvent.normalise(new Fields(batch.get(i).node(), "batch[" + i + "]", errors),
                        null, context, sentAt, client));
            }
        } else {
            SizeRules.singleEvent(body.length, this);
            events.add(SegmentEvent.normalise(new Fields(json.members(), "", errors), call, null, null, client));
        }
        String writeKey = writeKey(request, json);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Submission(writeKey, events);
    }

    private static String call(Message request) {
        String path = request.getHeader(Exchange.HTTP_PATH, "", String.class);
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String call = CALLS.get(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        if (call == null) {
            throw ProblemException.notFound("No Segment API at " + path);
        }
        return call;
    }

    /** The key as sent; {@link Intake} checks its form. */
    private static String writeKey(Message request, JsonBody json) {
        String authorization = request.getHeader("Authorization", String.class);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String user = basicUser(authorization.substring(BASIC.length()).strip());
            if (user != null && !user.isBlank()) {
                return user;
            }
        }
        String inBody = text(json.members().get(WRITE_KEY));
        if (inBody == null && json.batch() != null && !json.batch().isEmpty()) {
            inBody = text(json.batch().get(0).node().get(WRITE_KEY));
        }
        if (inBody != null) {
            return inBody;
        }
        throw ProblemException.unauthorized("A write key is required: HTTP Basic user or writeKey in the body");
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }

    private static String basicUser(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public ProblemException tooLarge(String detail) {
        return ProblemException.badRequest(detail);
    }

    @Override
    public int acceptedStatus() {
        return 200;
    }

    @Override
    public String acceptedBody(int accepted) {
        return "{\"success\":true}";
    }

    @Override
    public Problem refusal(Problem problem) {
        return withCodeAndMessage(problem);
    }

    /** Segment's error members over the problem's: {@code code} is the problem type's slug. */
    static Problem withCodeAndMessage(Problem problem) {
        String type = problem.type();
        return problem.with("code", type.substring(type.lastIndexOf('/') + 1))
                .with("message", problem.detail() != null ? problem.detail() : problem.title());
    }
}
