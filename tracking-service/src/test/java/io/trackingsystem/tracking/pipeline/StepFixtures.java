package io.trackingsystem.tracking.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Events run through the steps before the one under test, at a fixed time. */
final class StepFixtures {

    static final long NOW = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();
    static final long RETENTION = 90L * 86_400_000;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    private StepFixtures() {
    }

    static Event normalised(String json) {
        Event event = new Event("1-0", "acc", json);
        new Normalise(RETENTION, CLOCK).apply(event);
        return event;
    }
}
