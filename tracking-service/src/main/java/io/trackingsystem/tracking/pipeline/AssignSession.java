package io.trackingsystem.tracking.pipeline;

/**
 * Prepares the session: a given sessionId is used as is; otherwise the visitor's session continues while it has
 * been idle less than the configured time. That decision needs the visitor's stored state and must be atomic with
 * the counts, so the store script makes it; this step supplies the id a new session would get. The id is
 * derived from the visitor and the first event's time, so a redelivered batch produces the same id.
 */
public final class AssignSession implements Step {

    @Override
    public void apply(Event event) {
        if (event.sessionId().isEmpty()) {
            event.newSessionId(Hashes.base64(event.visitorId(), 6) + Long.toString(event.ts(), 36));
        }
    }
}
