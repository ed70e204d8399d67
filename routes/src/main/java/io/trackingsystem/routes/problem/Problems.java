package io.trackingsystem.routes.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.lettuce.core.RedisException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Maps any failure to the one problem shape, and writes it onto a message. */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static Problem from(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ProblemException problem) {
                if (problem.getCause() != null) {
                    LOG.warn("{} ({})", problem.getMessage(), problem.getCause().toString());
                }
                return problem.problem();
            }
            if (cause instanceof JacksonException json) {
                if (isUnreadableInput(json)) {
                    return Problem.of(400, "Malformed JSON", json.getOriginalMessage());
                }
                break;
            }
            // Lettuce fails the commands in flight when Redis goes away with the connection's own I/O error.
            if (cause instanceof RedisException || cause instanceof IOException) {
                LOG.warn("Redis failure: {}", cause.toString());
                return Problem.of(503, "Service Unavailable", "Storage is unreachable; try again shortly")
                        .with("retryAfter", 2);
            }
            cause = cause.getCause();
        }
        LOG.error("Unexpected failure", failure);
        return Problem.of(500, "Internal Server Error", "An unexpected error occurred");
    }

    /**
     * Whether Jackson failed reading what a client sent. Failing to write an answer, or a type it cannot map at
     * all, is the service's own fault: a 500, not a 400, and not the 503 of an I/O failure (Jackson's exceptions
     * are {@link IOException}s).
     */
    private static boolean isUnreadableInput(JacksonException failure) {
        return !(failure.getProcessor() instanceof JsonGenerator) && !(failure instanceof InvalidDefinitionException);
    }

    /** Replaces the message with the problem: status, headers and body. */
    public static void write(Message message, Problem problem) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        Object retryAfter = problem.extensions().get("retryAfter");
        if (retryAfter != null) {
            message.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        message.setBody(problem.toJson());
    }

    /** The Camel processor that answers a caught exception. */
    public static void handle(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        write(exchange.getMessage(), from(caught));
    }
}
