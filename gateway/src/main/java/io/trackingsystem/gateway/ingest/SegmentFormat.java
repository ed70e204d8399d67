package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/{track,page,screen,identify,group,alias,batch}} as Segment's HTTP tracking API defines it: the
 * write key as HTTP Basic user or {@code writeKey} in the body, oversize answered with 400 (Segment libraries
 * drop a batch on 400 instead of retrying it forever), success with {@code {"success":true}}.
 */
final class SegmentFormat implements IngestFormat {

    private static final String BASIC = "basic ";

    @Override
    public Submission read(byte[] body, Message request, ClientRequest client) {
        String call = call(request);
        if (body.length > Limits.BATCH_BYTES) {
            throw ProblemException.badRequest("The body is " + body.length + " bytes; at most "
                    + Limits.BATCH_BYTES + " are accepted");
        }
        JsonBody json = JsonBody.read(body);
        String writeKey = writeKey(request, json);
        List<FieldError> errors = new ArrayList<>();
        List<String> events = new ArrayList<>();
        if (call.equals("batch")) {
            Fields batchFields = new Fields(json.members(), "", errors);
            var context = batchFields.object("context");
            Long sentAt = batchFields.time("sentAt");
            List<JsonBody.Item> batch = json.batch();
            if (batch == null || batch.isEmpty()) {
                throw ProblemException.invalid(List.of(FieldError.of("batch", "must hold at least one event")));
            }
            for (int i = 0; i < batch.size(); i++) {
                JsonBody.Item item = batch.get(i);
                if (item.bytes() > Limits.EVENT_BYTES) {
                    throw ProblemException.badRequest("batch[" + i + "] is " + item.bytes() + " bytes; an event "
                            + "may have at most " + Limits.EVENT_BYTES);
                }
                events.add(SegmentEvent.normalise(new Fields(item.node(), "batch[" + i + "]", errors), null,
                        context, sentAt, client));
            }
        } else {
            if (body.length > Limits.EVENT_BYTES) {
                throw ProblemException.badRequest("The event is " + body.length + " bytes; at most "
                        + Limits.EVENT_BYTES + " are accepted");
            }
            events.add(SegmentEvent.normalise(new Fields(json.members(), "", errors), call, null, null, client));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Submission(writeKey, events);
    }

    private static String call(Message request) {
        String path = request.getHeader(Exchange.HTTP_PATH, "", String.class);
        String call = path.substring(path.lastIndexOf('/') + 1);
        if (!call.equals("batch") && !SegmentEvent.TYPES.contains(call)) {
            throw ProblemException.notFound("No Segment API at " + path);
        }
        return call;
    }

    private static String writeKey(Message request, JsonBody json) {
        String authorization = request.getHeader("Authorization", String.class);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String user = basicUser(authorization.substring(BASIC.length()).trim());
            if (user != null && !user.isBlank()) {
                return user;
            }
        }
        var inBody = json.members().get("writeKey");
        if (inBody != null && inBody.isTextual() && !inBody.textValue().isBlank()) {
            return inBody.textValue().trim();
        }
        throw ProblemException.unauthorized("A write key is required: HTTP Basic user or writeKey in the body");
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
    public int acceptedStatus() {
        return 200;
    }

    @Override
    public String acceptedBody(int accepted) {
        return "{\"success\":true}";
    }
}
