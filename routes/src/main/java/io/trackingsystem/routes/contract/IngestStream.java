package io.trackingsystem.routes.contract;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Redis Streams that carry accepted events from the gateway to the tracking-service: {@code INGEST_PARTITIONS}
 * partitions, each with a hash tag of its own, so that on a Redis Cluster they spread over the slots and so over
 * the primaries. Partition 0 is {@code ingest:{events}}, the stream of the releases before partitions; partition
 * {@code i} is {@code ingest:{events-i}}. A site's events always go to the same partition, so they stay in order.
 *
 * <p>Owner: the gateway appends ({@code XADD ... MAXLEN ~ INGEST_MAX_STREAM_LENGTH}); the tracking-service reads it
 * through a consumer group. No TTL. Each entry has two fields: {@link #SITE} and {@link #EVENT}, the event as
 * compact JSON in the canonical shape written by the gateway's ingest feature. Entries written before sites
 * existed carry {@link #LEGACY_ACCOUNT} instead of {@link #SITE}: an account's id is the id of its first site.
 */
public final class IngestStream {

    /** Partition 0; with one partition, the one stream for every site. */
    public static final String KEY = "ingest:{events}";
    /** The most partitions {@code INGEST_PARTITIONS} may ask for. */
    public static final int MAX_PARTITIONS = 64;
    /** The site the write key belongs to. */
    public static final String SITE = "s";
    /** The field that named the owning account before sites existed; read as the site. */
    public static final String LEGACY_ACCOUNT = "a";
    /** The event, as compact canonical JSON. */
    public static final String EVENT = "e";
    /** The tracking-service's consumer group: its replicas share the stream's entries. */
    public static final String GROUP = "tracking-service";
    /** Partition 0's dead letters; see {@link #deadLetters}. */
    public static final String DEAD_LETTERS = KEY + ":dead";

    private IngestStream() {
    }

    public static String key() {
        return KEY;
    }

    /** The stream of partition {@code index}. */
    public static String partition(int index) {
        return index == 0 ? KEY : "ingest:{events-" + index + "}";
    }

    /** Every partition's stream, in order. */
    public static List<String> partitions(int count) {
        return IntStream.range(0, count).mapToObj(IngestStream::partition).toList();
    }

    /**
     * The partition a site's events go to. {@link String#hashCode} is fixed by the language, so every gateway
     * replica picks the same one.
     */
    public static String forSite(String site, int count) {
        return partition(Math.floorMod(site.hashCode(), count));
    }

    /**
     * Entries of {@code partition} that could not be processed: the original fields plus {@code id},
     * {@code attempts}, {@code at}; in the partition's slot. Owner: the tracking-service. Bounded by MAXLEN, no TTL.
     */
    public static String deadLetters(String partition) {
        return partition + ":dead";
    }

    /** The site of an entry's fields, whichever release wrote it; null when it names none. */
    public static String siteOf(Map<String, String> fields) {
        String site = fields.get(SITE);
        return site != null ? site : fields.get(LEGACY_ACCOUNT);
    }
}
