package io.trackingsystem.gateway.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Ingest is called from any website, so its endpoints allow every origin. No credentials are involved: keys
 * travel in a header or the body, never in cookies.
 */
final class CrossOrigin {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    private CrossOrigin() {
    }

    /** Added to every ingest answer, errors included, so browsers let scripts read it. */
    static void allowAnyOrigin(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(ALLOW_ORIGIN, "*");
        message.setHeader("Access-Control-Expose-Headers", "Retry-After, " + IngestProcessor.DROPPED);
    }

    /** Answers a CORS preflight: any origin may POST with the headers the ingest APIs read. */
    static void preflight(Exchange exchange) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        message.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        message.setHeader("Access-Control-Allow-Headers", "Content-Type, X-API-Key, Authorization");
        message.setHeader("Access-Control-Max-Age", "86400");
        message.setBody(null);
    }
}
