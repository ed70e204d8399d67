package io.trackingsystem.tracking.pipeline;

/**
 * Names the session of a live event. Visits are worked out when events are read, from their times (the engine's
 * day views), so nothing is stored here; an event without a given sessionId gets an id derived from its visitor
 * and its own time for the live stream alone, the same on redelivery.
 */
public final class AssignSession implements Step {

    @Override
    public void apply(Event event) {
        if (event.sessionId().isEmpty()) {
            event.newSessionId(Hashes.base64(event.visitorId(), 6) + Long.toString(event.ts(), 36));
        }
    }
}
