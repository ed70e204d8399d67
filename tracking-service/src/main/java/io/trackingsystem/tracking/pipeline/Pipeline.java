package io.trackingsystem.tracking.pipeline;

import java.time.Clock;
import java.util.List;

/**
 * The per-event stages, in order. An event leaves the pipeline either ready to store or dropped with a reason.
 * Storing and publishing work on whole batches and follow in {@code ingest.BatchProcessor}.
 */
public final class Pipeline {

    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The standard order: normalise, dedupe, user agent, bots, source, visitor, session. */
    public static Pipeline standard(long rawRetentionMillis, UserAgents userAgents, AssignVisitor.Salts salts) {
        return standard(rawRetentionMillis, userAgents, salts, Clock.systemUTC());
    }

    public static Pipeline standard(long rawRetentionMillis, UserAgents userAgents, AssignVisitor.Salts salts,
                                    Clock clock) {
        return new Pipeline(List.of(
                new Normalise(rawRetentionMillis, clock),
                new Dedupe(),
                new ParseUserAgent(userAgents),
                new FilterBots(),
                new DeriveSource(),
                new AssignVisitor(salts),
                new AssignSession()));
    }

    /** Runs the event through every step until one drops it. */
    public Event run(Event event) {
        for (Step step : steps) {
            step.apply(event);
            if (event.dropped()) {
                break;
            }
        }
        return event;
    }

    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }
}
