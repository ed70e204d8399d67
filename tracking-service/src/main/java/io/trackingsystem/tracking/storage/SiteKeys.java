package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.contract.IngestCounts;
import io.trackingsystem.routes.contract.LiveChannel;

import java.nio.charset.StandardCharsets;

/**
 * Every Redis key of one site's events (docs/data-model.md, "Keys"). The keys that a script changes together — the
 * dedupe hashes, the pending blocks, the manifest — carry the site in the hash tag {@code {s:<site>}}, so on Redis
 * Cluster they share a slot. Sealed segments are written once and never changed by a script: their keys have no
 * hash tag, so a site's history spreads over the cluster's slots.
 */
public final class SiteKeys {

    /** Sorted set of sites with pending blocks to compact, by when they became due. Global, one slot. */
    public static final String COMPACTION_QUEUE = "compact:{queue}";
    /** The manifest field holding the id of the last pending entry that compaction has folded into segments. */
    public static final String FLOOR = "floor";

    private final String site;
    private final String tag;

    private SiteKeys(String site) {
        this.site = site;
        this.tag = "{s:" + site + "}";
    }

    public static SiteKeys of(String site) {
        return new SiteKeys(site);
    }

    public String site() {
        return site;
    }

    /**
     * Stream of blocks stored but not yet compacted: one entry per stored batch and UTC day, fields {@code d}
     * (epoch day), {@code n} (events) and {@code b} (the block). No TTL: compaction removes what it has folded in.
     */
    public String pending() {
        return tag + ":p";
    }

    /**
     * Hash: per epoch day, the day's segments as {@code id/events} joined by commas; {@link #FLOOR}. No TTL; days
     * past the retention are removed by compaction.
     */
    public String manifest() {
        return tag + ":m";
    }

    /** String: one sealed segment, a block of one day's events. TTL: end of its day + retention. */
    public String segment(int epochDay, String id) {
        return "seg:" + site + ":" + epochDay + ":" + id;
    }

    /** Sorted set: segments replaced by compaction, by the time they may be deleted. */
    public String garbage() {
        return tag + ":g";
    }

    /** String: the replica compacting this site now. TTL: the lease. */
    public String lease() {
        return tag + ":lease";
    }

    /**
     * Hash: the fingerprint table of one dedupe generation, a linear hash table whose buckets are its numbered fields,
     * each the claimed fingerprints that fall in it, side by side; fields {@code level}, {@code split} and
     * {@code count} are its layout ({@code store.lua}). TTL: two generations.
     */
    public String fingerprints(long generation) {
        return tag + ":fp:" + generation;
    }

    /**
     * Hash: fingerprints of one dedupe generation as the upgrade from the earlier release copied them, all in one
     * hash; read by {@code store.lua}, never written after the upgrade. TTL: the copied one, at most two generations.
     */
    public String copiedFingerprints(long generation) {
        return tag + ":dd:" + generation;
    }

    /** Hash of what became of the events of the hour containing {@code epochMillis} (routes' IngestCounts). */
    public String counts(long epochMillis) {
        return IngestCounts.key(site, epochMillis);
    }

    /** String: bytes of events stored on one UTC day of arrival (epoch day), for the daily bound. TTL: 2 days. */
    public String storedBytes(long epochDay) {
        return tag + ":q:" + epochDay;
    }

    public String liveChannel() {
        return LiveChannel.of(site);
    }

    public static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
