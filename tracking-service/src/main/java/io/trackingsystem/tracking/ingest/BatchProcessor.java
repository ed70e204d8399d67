package io.trackingsystem.tracking.ingest;

import io.lettuce.core.StreamMessage;
import io.trackingsystem.routes.ingest.IngestStream;
import io.trackingsystem.tracking.pipeline.DropReason;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Pipeline;
import io.trackingsystem.tracking.storage.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes a batch of stream entries through the pipeline, stores each account's events with one script call per
 * chunk, publishes them, and says which entries may be acknowledged: the dropped ones and the stored ones. An
 * entry whose processing failed is left out, stays pending, and is retried later (see {@link Redelivery}). When
 * a chunk fails, its events are retried one by one at once, so one poison event does not hold back the others.
 */
final class BatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
    private static final long STORE_TIMEOUT_SECONDS = 30;

    private final Pipeline pipeline;
    private final EventStore store;
    private final LivePublisher live;
    private final ProcessingMetrics metrics;

    BatchProcessor(Pipeline pipeline, EventStore store, LivePublisher live, ProcessingMetrics metrics) {
        this.pipeline = pipeline;
        this.store = store;
        this.live = live;
        this.metrics = metrics;
    }

    /** Processes the entries; returns the ids to acknowledge. */
    List<String> process(List<StreamMessage<String, String>> entries) {
        List<String> done = new ArrayList<>(entries.size());
        Map<String, List<Event>> byAccount = new LinkedHashMap<>();
        for (StreamMessage<String, String> entry : entries) {
            Event event = prepare(entry);
            if (event == null) {
                continue;
            }
            if (event.dropped()) {
                metrics.drop(event.dropReason());
                done.add(event.entryId());
            } else {
                byAccount.computeIfAbsent(event.account(), a -> new ArrayList<>()).add(event);
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        byAccount.forEach((account, events) -> {
            for (int from = 0; from < events.size(); from += EventStore.MAX_EVENTS) {
                List<Event> part = events.subList(from, Math.min(events.size(), from + EventStore.MAX_EVENTS));
                chunks.add(new Chunk(account, part, store.store(account, part).toCompletableFuture()));
            }
        });
        for (Chunk chunk : chunks) {
            List<String> sessions = await(chunk.result());
            if (sessions != null) {
                finish(chunk.account(), chunk.events(), sessions, done);
            } else if (chunk.events().size() > 1) {
                retryOneByOne(chunk, done);
            } else {
                metrics.failed(1);
            }
        }
        return done;
    }

    /** The event after the per-event steps, or null when a step failed unexpectedly (retried later). */
    private Event prepare(StreamMessage<String, String> entry) {
        Map<String, String> body = entry.getBody();
        Event event = new Event(entry.getId(), body == null ? null : body.get(IngestStream.ACCOUNT),
                body == null ? null : body.get(IngestStream.EVENT));
        try {
            return pipeline.run(event);
        } catch (RuntimeException e) {
            LOG.warn("Processing entry {} failed: {}", entry.getId(), e.toString());
            metrics.failed(1);
            return null;
        }
    }

    private void retryOneByOne(Chunk chunk, List<String> done) {
        List<Chunk> singles = new ArrayList<>(chunk.events().size());
        for (Event event : chunk.events()) {
            singles.add(new Chunk(chunk.account(), List.of(event),
                    store.store(chunk.account(), List.of(event)).toCompletableFuture()));
        }
        for (Chunk single : singles) {
            List<String> sessions = await(single.result());
            if (sessions != null) {
                finish(single.account(), single.events(), sessions, done);
            } else {
                metrics.failed(1);
            }
        }
    }

    private void finish(String account, List<Event> events, List<String> sessions, List<String> done) {
        long duplicates = sessions.stream().filter(String::isEmpty).count();
        metrics.drop(DropReason.DUPLICATE, duplicates);
        metrics.stored(events.size() - duplicates);
        events.forEach(event -> done.add(event.entryId()));
        live.publish(account, events, sessions);
    }

    private static List<String> await(CompletableFuture<List<String>> result) {
        try {
            return result.get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.warn("Storing a batch failed: {}", e.getMessage());
            return null;
        }
    }

    private record Chunk(String account, List<Event> events, CompletableFuture<List<String>> result) {
    }
}
