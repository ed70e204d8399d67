package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.routes.problem.ProblemException;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Admits a validated submission and appends it: the key must belong to an account, the tracking-service must be
 * keeping up, and the key must be within its rate (checked last, so refused requests cost no tokens). Completes
 * with the number of events once Redis has them.
 */
final class Intake {

    private static final long RETRY_BACKLOG_SECONDS = 5;
    private static final long RETRY_KEYS_SECONDS = 2;

    private final ApiKeyCache keys;
    private final RateLimiter limiter;
    private final Backlog backlog;
    private final StreamAppender appender;

    Intake(ApiKeyCache keys, RateLimiter limiter, Backlog backlog, StreamAppender appender) {
        this.keys = keys;
        this.limiter = limiter;
        this.backlog = backlog;
        this.appender = appender;
    }

    CompletionStage<Integer> accept(Submission submission) {
        return keys.accountFor(submission.apiKey())
                .handle((account, failure) -> owner(account, failure))
                .thenCompose(account -> {
                    if (backlog.exceeded()) {
                        throw ProblemException.unavailable("Event processing is behind; retry shortly",
                                RETRY_BACKLOG_SECONDS);
                    }
                    long wait = limiter.admit(submission.apiKey(), submission.events().size(),
                            System.currentTimeMillis());
                    if (wait > 0) {
                        throw ProblemException.tooManyRequests("This API key sends faster than its rate limit",
                                wait);
                    }
                    return appender.append(account, submission.events());
                });
    }

    private static String owner(Optional<String> account, Throwable failure) {
        if (failure != null) {
            throw ProblemException.unavailable("API keys cannot be checked right now", RETRY_KEYS_SECONDS);
        }
        return account.orElseThrow(() -> ProblemException.unauthorized("Unknown API key"));
    }
}
