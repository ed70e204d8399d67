package io.trackingsystem.gateway.ingest;

/** The size limits of both ingest APIs, in bytes of request JSON. */
final class Limits {

    /** One event: 32 KB. */
    static final int EVENT_BYTES = 32 * 1024;
    /** One request body: 500 KB. */
    static final int BATCH_BYTES = 500 * 1024;
    /** Events in one native batch. */
    static final int BATCH_EVENTS = 500;
    /** Event names, ids and similar short strings. */
    static final int NAME_CHARS = 200;

    private Limits() {
    }
}
