package io.trackingsystem.gateway.ingest;

import org.apache.camel.Message;

/** One ingest API's wire format: how a request becomes a {@link Submission}, and how acceptance is answered. */
interface IngestFormat {

    /** Fails with a {@link io.trackingsystem.routes.problem.ProblemException} for anything the API rejects. */
    Submission read(byte[] body, Message request, ClientRequest client);

    int acceptedStatus();

    String acceptedBody(int accepted);
}
