package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Turns an ingest request into a submission, hands it to the intake and answers once Redis has it. The
 * platform-http consumer runs routes on a Vert.x worker thread; this processor parses there, then completes from
 * Redis' I/O thread without holding any thread of its own while Redis works.
 */
final class IngestProcessor extends AsyncProcessorSupport {

    /** Answer header: how many of the request's events are known at once not to be stored (repeated ids). */
    static final String DROPPED = "X-Dropped";

    private final Intake intake;
    private final IngestFormat format;
    private final int trustedProxies;

    IngestProcessor(Intake intake, IngestFormat format, int trustedProxies) {
        this.intake = intake;
        this.format = format;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return AsyncAnswer.complete(exchange, callback, this::ingest, this::answer, format::refusal);
    }

    private CompletionStage<Intake.Accepted> ingest(Message message) {
        byte[] body = CompressedBodies.decoded(body(message), message.getHeader("Content-Encoding", String.class),
                format);
        return intake.accept(format.read(body, message, ClientRequest.of(message, trustedProxies)));
    }

    private void answer(Message message, Intake.Accepted accepted) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, format.acceptedStatus());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (accepted.repeated() > 0) {
            message.setHeader(DROPPED, accepted.repeated());
        }
        message.setBody(format.acceptedBody(accepted.events()));
    }

    /** The raw body; a form or multipart upload, which the HTTP layer parses into something else, is no JSON. */
    private static byte[] body(Message message) {
        Object body = message.getBody();
        if (body instanceof Map<?, ?>) {
            throw ProblemException.badRequest("The body must be JSON");
        }
        byte[] bytes = body == null ? null : message.getBody(byte[].class);
        return bytes != null ? bytes : new byte[0];
    }
}
