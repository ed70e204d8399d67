package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.Message;

/** One ingest API's wire format: how a request becomes a {@link Submission}, and how it is answered. */
interface IngestFormat {

    /**
     * Fails with a {@link ProblemException} for anything the API rejects.
     *
     * @param body the body as sent, decompressed
     */
    Submission read(byte[] body, Message request, ClientRequest client);

    /** The answer to a body, event or batch over its limit. */
    ProblemException tooLarge(String detail);

    int acceptedStatus();

    String acceptedBody(int accepted);

    /** A refusal as this API's clients read it; the problem shape as it is by default. */
    default Problem refusal(Problem problem) {
        return problem;
    }
}
