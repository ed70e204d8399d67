package io.trackingsystem.tracking.storage;

import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Pipeline;
import io.trackingsystem.tracking.pipeline.UserAgents;

import java.time.Duration;
import java.util.List;

/** Events taken through the real pipeline, ready for the store step. */
final class StoredEvents {

    private static final Pipeline PIPELINE = Pipeline.standard(Duration.ofDays(730).toMillis(), new UserAgents(100),
            day -> "salt");

    private StoredEvents() {
    }

    static Event of(String site, TestEvents event) {
        Event prepared = PIPELINE.run(new Event("0-1", site, event.json()));
        if (prepared.dropped()) {
            throw new IllegalArgumentException("the pipeline dropped " + event.json() + ": " + prepared.dropReason());
        }
        return prepared;
    }

    static List<Event> of(String site, List<TestEvents> events) {
        return events.stream().map(event -> of(site, event)).toList();
    }
}
