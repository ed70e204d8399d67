package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;

/** Redis could not be read or written in time: a query answers 503 with {@code Retry-After}; a worker retries. */
public final class StorageUnavailableException extends ProblemException {

    static final long RETRY_AFTER_SECONDS = 2;

    public StorageUnavailableException(String message, Throwable cause) {
        super(Problem.of(503, "Service Unavailable", "Stored events cannot be read right now; try again shortly")
                .with("retryAfter", RETRY_AFTER_SECONDS), new IllegalStateException(message, cause));
    }
}
