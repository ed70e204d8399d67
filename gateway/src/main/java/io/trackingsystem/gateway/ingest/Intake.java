package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.gateway.geo.Geolocator;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.problem.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Admits a validated submission and appends it: the key must be a well-formed write key (checked before anything
 * is looked up or counted, so spellings of one key are one key) belonging to a site, the tracking-service must be
 * keeping up, overall and with this site's events, and the site must be within its rate (checked last, so refused
 * requests cost no tokens). Admitted events get their location, then their temporary visitor id. Completes once Redis has the events, with their number and the number of them that
 * repeat an id sent earlier in the same request (stored once, so known at once to be dropped as duplicates).
 */
final class Intake {

    private static final long RETRY_BACKLOG_SECONDS = 5;
    private static final long RETRY_KEYS_SECONDS = 2;

    private final ApiKeyCache keys;
    private final RateLimiter limiter;
    private final Backlog backlog;
    private final Geolocator geolocator;
    private final TemporaryVisitors visitors;
    private final StreamAppender appender;

    /** What a request added: its events, of which {@code repeated} repeat an earlier event's id. */
    record Accepted(int events, int repeated) {
    }

    Intake(ApiKeyCache keys, RateLimiter limiter, Backlog backlog, Geolocator geolocator,
           TemporaryVisitors visitors, StreamAppender appender) {
        this.keys = keys;
        this.limiter = limiter;
        this.backlog = backlog;
        this.geolocator = geolocator;
        this.visitors = visitors;
        this.appender = appender;
    }

    CompletionStage<Accepted> accept(Submission submission) {
        String key = KeyFormat.canonical(submission.apiKey()).filter(KeyFormat::isWriteKey)
                .orElseThrow(() -> ProblemException.unauthorized("This is no write key: write keys are "
                        + KeyFormat.WRITE_PREFIX + " and " + KeyFormat.SECRET_LENGTH + " characters"));
        return keys.accountFor(key)
                .handle(Intake::site)
                .thenCompose(site -> admit(site, submission.events()));
    }

    private CompletionStage<Accepted> admit(String site, List<CanonicalEvent> events) {
        long now = System.currentTimeMillis();
        if (backlog.exceeded()) {
            throw ProblemException.unavailable("Event processing is behind; retry shortly", RETRY_BACKLOG_SECONDS);
        }
        if (backlog.exceededBy(site, now)) {
            throw ProblemException.unavailable("Event processing is behind with this site's events; retry shortly",
                    RETRY_BACKLOG_SECONDS);
        }
        long wait = limiter.admit(site, events.size(), now);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("This site sends faster than its rate limit", wait);
        }
        int repeated = repeatedIds(events);
        events.forEach(event -> event.locate(geolocator));
        backlog.appending(site, events.size(), now);
        // from here every outcome, a synchronous failure included, settles the append with the backlog
        return CompletableFuture.completedFuture(events)
                .thenCompose(admitted -> visitors.canonical(site, admitted))
                .thenCompose(json -> appender.append(site, json, now))
                .whenComplete((count, failure) -> backlog.settled(events.size()))
                .thenApply(count -> new Accepted(count, repeated));
    }

    private static int repeatedIds(List<CanonicalEvent> events) {
        if (events.size() < 2) {
            return 0;
        }
        Set<String> seen = new HashSet<>();
        int repeated = 0;
        for (CanonicalEvent event : events) {
            if (!seen.add(event.id())) {
                repeated++;
            }
        }
        return repeated;
    }

    private static String site(Optional<String> site, Throwable failure) {
        if (failure != null) {
            throw ProblemException.unavailable("API keys cannot be checked right now", RETRY_KEYS_SECONDS);
        }
        return site.orElseThrow(() -> ProblemException.unauthorized("Unknown API key"));
    }
}
