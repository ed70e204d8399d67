package io.trackingsystem.tracking.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackingsystem.tracking.pipeline.DropReason;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what happens to events. The counters live here, so they work with or without a metrics registry; when
 * Micrometer is present they appear at /observe/metrics as {@code tracking_events_stored_total},
 * {@code tracking_events_dropped_total{reason=...}}, {@code tracking_events_dead_lettered_total},
 * {@code tracking_events_failed_total}, {@code tracking_entries_reclaimed_total} and
 * {@code tracking_compactions_total} (sites whose pending blocks were folded into segments).
 */
public final class ProcessingMetrics {

    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reclaimed = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

    public ProcessingMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new AtomicLong());
        }
    }

    public void bind(MeterRegistry registry) {
        counter(registry, "tracking.events.stored", "events stored and counted", stored);
        counter(registry, "tracking.events.dead_lettered", "entries moved to the dead-letter stream", deadLettered);
        counter(registry, "tracking.events.failed", "failed processing attempts (retried later)", failed);
        counter(registry, "tracking.entries.reclaimed", "pending entries taken over from idle consumers", reclaimed);
        counter(registry, "tracking.compactions", "sites whose pending blocks were folded into segments",
                compactions);
        dropped.forEach((reason, count) -> FunctionCounter.builder("tracking.events.dropped", count, AtomicLong::get)
                .description("events dropped, by reason").tag("reason", reason.tag()).register(registry));
    }

    private static void counter(MeterRegistry registry, String name, String description, AtomicLong count) {
        FunctionCounter.builder(name, count, AtomicLong::get).description(description).register(registry);
    }

    void stored(long n) {
        stored.addAndGet(n);
    }

    void drop(DropReason reason) {
        dropped.get(reason).incrementAndGet();
    }

    void drop(DropReason reason, long n) {
        dropped.get(reason).addAndGet(n);
    }

    void deadLettered(long n) {
        deadLettered.addAndGet(n);
    }

    void failed(long n) {
        failed.addAndGet(n);
    }

    void reclaimed(long n) {
        reclaimed.addAndGet(n);
    }

    void compacted(long n) {
        compactions.addAndGet(n);
    }

    public long stored() {
        return stored.get();
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason).get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long reclaimed() {
        return reclaimed.get();
    }

    public long compactions() {
        return compactions.get();
    }

    /** All counters by name, for logs and tests. */
    public Map<String, Long> snapshot() {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("stored", stored());
        dropped.forEach((reason, count) -> all.put("dropped." + reason.tag(), count.get()));
        all.put("deadLettered", deadLettered());
        all.put("failed", failed());
        all.put("reclaimed", reclaimed());
        all.put("compactions", compactions());
        return all;
    }
}
