package io.trackingsystem.tracking.ingest;

import io.lettuce.core.StreamMessage;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.tracking.pipeline.DropReason;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Pipeline;
import io.trackingsystem.tracking.storage.EventStore;
import io.trackingsystem.tracking.storage.SiteDrops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a batch of stream entries through the pipeline, stores each site's events (in batches of at most
 * {@link EventStore#MAX_EVENTS}), publishes them, and says which entries may be acknowledged: the dropped ones and
 * the stored ones. An entry whose processing failed is left out, stays pending, and is retried later (see
 * {@link Redelivery}). When a store batch fails, its events are retried one by one at once, so one poison event
 * does not hold back the others.
 */
final class BatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

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
        SiteDrops drops = new SiteDrops();
        Map<String, List<Event>> bySite = new LinkedHashMap<>();
        for (StreamMessage<String, String> entry : entries) {
            Event event = prepare(entry);
            if (event == null) {
                continue;
            }
            if (event.dropped()) {
                metrics.drop(event.dropReason());
                drops.add(event.account(), event.dropReason(), 1);
                done.add(event.entryId());
            } else {
                bySite.computeIfAbsent(event.account(), a -> new ArrayList<>()).add(event);
            }
        }
        List<EventStore.Batch> batches = new ArrayList<>();
        bySite.forEach((site, events) -> {
            for (int from = 0; from < events.size(); from += EventStore.MAX_EVENTS) {
                batches.add(new EventStore.Batch(site,
                        events.subList(from, Math.min(events.size(), from + EventStore.MAX_EVENTS))));
            }
        });
        List<EventStore.Batch> singles = new ArrayList<>();
        for (EventStore.Stored stored : store.store(batches)) {
            if (stored.ok()) {
                finish(stored, done, drops);
            } else if (stored.batch().events().size() > 1) {
                LOG.warn("Storing a batch failed, retrying its events one by one: {}", stored.failure().toString());
                stored.batch().events().forEach(e -> singles.add(new EventStore.Batch(e.account(), List.of(e))));
            } else {
                LOG.warn("Storing {} events failed: {}", stored.batch().events().size(), stored.failure().toString());
                metrics.failed(stored.batch().events().size());
            }
        }
        for (EventStore.Stored stored : singles.isEmpty() ? List.<EventStore.Stored>of() : store.store(singles)) {
            if (stored.ok()) {
                finish(stored, done, drops);
            } else {
                metrics.failed(1);
            }
        }
        try {
            store.count(drops);
        } catch (Exception e) {
            LOG.warn("Counting the drops of {} sites failed: {}", drops.sites(), e.toString());
        }
        return done;
    }

    /** The event after the per-event steps, or null when a step failed unexpectedly (retried later). */
    private Event prepare(StreamMessage<String, String> entry) {
        Map<String, String> body = entry.getBody();
        Event event = new Event(entry.getId(), body == null ? null : IngestStream.siteOf(body),
                body == null ? null : body.get(IngestStream.EVENT));
        try {
            return pipeline.run(event);
        } catch (RuntimeException e) {
            LOG.warn("Processing entry {} failed: {}", entry.getId(), e.toString());
            metrics.failed(1);
            return null;
        }
    }

    private void finish(EventStore.Stored stored, List<String> done, SiteDrops drops) {
        List<Event> events = stored.batch().events();
        String site = stored.batch().site();
        int duplicates = stored.duplicates();
        metrics.drop(DropReason.DUPLICATE, duplicates);
        drops.add(site, DropReason.DUPLICATE, duplicates);
        if (stored.overQuota()) {
            int refused = events.size() - duplicates;
            metrics.drop(DropReason.QUOTA, refused);
            drops.add(site, DropReason.QUOTA, refused);
        } else {
            metrics.stored(stored.stored());
        }
        events.forEach(event -> done.add(event.entryId()));
        if (!stored.overQuota()) {
            live.publish(site, events, stored.duplicate());
        }
    }
}
