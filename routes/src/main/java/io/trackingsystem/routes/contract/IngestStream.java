package io.trackingsystem.routes.contract;

/**
 * The Redis Stream that carries accepted events from the gateway to the tracking-service.
 *
 * <p>Owner: the gateway appends ({@code XADD ... MAXLEN ~ INGEST_MAX_STREAM_LENGTH}); the tracking-service reads it
 * through a consumer group. No TTL. Each entry has two fields: {@link #ACCOUNT} and {@link #EVENT}, the event as
 * compact JSON in the canonical shape written by the gateway's ingest feature.
 */
public final class IngestStream {

    /** One stream for every tenant: the hash tag keeps it on one cluster slot. */
    public static final String KEY = "ingest:{events}";
    /** The account id that owns the API key the event was sent with. */
    public static final String ACCOUNT = "a";
    /** The event, as compact canonical JSON. */
    public static final String EVENT = "e";

    private IngestStream() {
    }

    public static String key() {
        return KEY;
    }
}
