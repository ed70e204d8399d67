package io.trackingsystem.routes.contract;

import java.util.Map;

/**
 * The Redis Stream that carries accepted events from the gateway to the tracking-service.
 *
 * <p>Owner: the gateway appends ({@code XADD ... MAXLEN ~ INGEST_MAX_STREAM_LENGTH}); the tracking-service reads it
 * through a consumer group. No TTL. Each entry has two fields: {@link #SITE} and {@link #EVENT}, the event as
 * compact JSON in the canonical shape written by the gateway's ingest feature. Entries written before sites
 * existed carry {@link #LEGACY_ACCOUNT} instead of {@link #SITE}: an account's id is the id of its first site.
 */
public final class IngestStream {

    /** One stream for every tenant: the hash tag keeps it on one cluster slot. */
    public static final String KEY = "ingest:{events}";
    /** The site the write key belongs to. */
    public static final String SITE = "s";
    /** The field that named the owning account before sites existed; read as the site. */
    public static final String LEGACY_ACCOUNT = "a";
    /** The event, as compact canonical JSON. */
    public static final String EVENT = "e";
    /** The tracking-service's consumer group: its replicas share the stream's entries. */
    public static final String GROUP = "tracking-service";
    /**
     * Entries that could not be processed: the original fields plus {@code id}, {@code attempts}, {@code at}.
     * Owner: the tracking-service. Bounded by MAXLEN, no TTL.
     */
    public static final String DEAD_LETTERS = KEY + ":dead";

    private IngestStream() {
    }

    public static String key() {
        return KEY;
    }

    /** The site of an entry's fields, whichever release wrote it; null when it names none. */
    public static String siteOf(Map<String, String> fields) {
        String site = fields.get(SITE);
        return site != null ? site : fields.get(LEGACY_ACCOUNT);
    }
}
