package io.trackingsystem.routes.messaging;

import io.lettuce.core.SetArgs;
import io.trackingsystem.routes.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most one start per request, whichever replicas read it: a replica starts a request only after winning its
 * {@link Messaging#startedKey} with SET NX. The mark outlives the request's deadline, after which the entry is
 * acknowledged unread, so the request is never tried again.
 */
final class StartMarks {

    private static final Logger LOG = LoggerFactory.getLogger(StartMarks.class);
    /** Replicas' clocks may disagree on a deadline by this much. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Redis redis;
    private final String service;
    private final String replica;

    StartMarks(Redis redis, String service, String replica) {
        this.redis = redis;
        this.service = service;
        this.replica = replica;
    }

    /** Whether this replica may run the entry; a Redis failure counts as no, and the entry stays pending. */
    boolean claim(String entryId, long deadline) {
        long ttl = Math.max(0, deadline - System.currentTimeMillis()) + MARGIN.toMillis();
        try {
            return "OK".equals(redis.async().set(Messaging.startedKey(service, entryId), replica,
                    SetArgs.Builder.nx().px(ttl)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Could not mark request {} of {} as started; leaving it pending: {}", entryId, service,
                    e.toString());
            return false;
        }
    }
}
