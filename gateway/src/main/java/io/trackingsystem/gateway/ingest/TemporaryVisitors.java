package io.trackingsystem.gateway.ingest;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.contract.VisitorSalt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each event that names no visitor its temporary visitor id, derived from the visitor's address and user
 * agent with the day's salt ({@link VisitorSalt}), so that the address goes no further than this gateway. Salts
 * are read once a day per gateway; a failed read is tried again by the next request.
 */
final class TemporaryVisitors {

    private final RedisClusterAsyncCommands<String, String> redis;
    private final Map<Long, CompletableFuture<String>> salts = new ConcurrentHashMap<>();

    TemporaryVisitors(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** The events as canonical JSON, each that needs one with its temporary visitor id for {@code site}. */
    CompletionStage<List<String>> canonical(String site, List<CanonicalEvent> events) {
        List<CanonicalEvent> anonymous = events.stream().filter(CanonicalEvent::needsTemporaryVisitorId).toList();
        if (anonymous.isEmpty()) {
            return CompletableFuture.completedFuture(json(events));
        }
        return salt(VisitorSalt.dayOf(anonymous.get(0).receivedAt())).thenApply(salt -> {
            for (CanonicalEvent event : anonymous) {
                event.temporaryVisitorId(VisitorSalt.temporaryVisitorId(salt, site,
                        orEmpty(event.clientAddress()), orEmpty(event.userAgent())));
            }
            return json(events);
        });
    }

    private CompletableFuture<String> salt(long day) {
        CompletableFuture<String> salt = salts.compute(day, (ignored, known) ->
                known == null || known.isCompletedExceptionally()
                        ? VisitorSalt.forDay(redis, day).toCompletableFuture() : known);
        salts.keySet().removeIf(older -> older < day - 1);
        return salt;
    }

    private static List<String> json(List<CanonicalEvent> events) {
        return events.stream().map(CanonicalEvent::toJson).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
