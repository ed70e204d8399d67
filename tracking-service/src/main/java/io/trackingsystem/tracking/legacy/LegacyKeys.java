package io.trackingsystem.tracking.legacy;

import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.contract.LiveChannel;

/**
 * Every Redis key and channel of the tracking-service. Tenant data carries the account in the hash tag
 * {@code {t:<account>}}, so a Redis Cluster keeps one account's keys on one slot and the store script can touch
 * them all; the site follows, so an account can later own several sites. The store script
 * ({@code store-events.lua}) builds the same names from {@link #prefix()}; docs/data-model.md describes each
 * key's type, owner, TTL and size. Days are UTC {@code yyyyMMdd}, hours UTC {@code HH}.
 */
public final class LegacyKeys {

    /** The only site of an account for now. */
    public static final String DEFAULT_SITE = "main";
    /** The consumer group of the ingest stream. */
    public static final String INGEST_GROUP = "tracking-service";
    /** Member prefixes in a breakdown sorted set: visits, pageviews and events per value. */
    public static final String VISITS = "v|";
    public static final String PAGEVIEWS = "p|";
    public static final String EVENTS = "e|";
    /** The value that collects a dimension's new values once its day holds the configured number of them. */
    public static final String OTHER = "(other)";
    /** The referrer value of visits without a source; stored as an empty referrer in raw events. */
    public static final String DIRECT = "(direct)";
    /** Field of {@link #totals} set to 1 once the day's exact visitor set overflowed. */
    public static final String DAY_SET_OVERFLOWED = "x:d";

    private final String account;
    private final String site;
    private final String prefix;

    private LegacyKeys(String account, String site) {
        this.account = account;
        this.site = site;
        this.prefix = "{t:" + account + "}:" + site;
    }

    public static LegacyKeys of(String account) {
        return new LegacyKeys(account, DEFAULT_SITE);
    }

    public static LegacyKeys of(String account, String site) {
        return new LegacyKeys(account, site);
    }

    public String account() {
        return account;
    }

    /** {@code {t:<account>}:<site>}: the start of every key of this site. */
    public String prefix() {
        return prefix;
    }

    /** Stream of one day's raw events, one field as in {@link RawFields}. TTL: end of day + raw retention. */
    public String raw(String day) {
        return prefix + ":raw:" + day;
    }

    /** Hash of one day's totals per hour, fields from {@link #totalsField}. TTL: end of day + roll-up retention. */
    public String totals(String day) {
        return prefix + ":t:" + day;
    }

    /** HyperLogLog of the visitors of one UTC hour ({@code dayHour} = yyyyMMddHH). */
    public String hourVisitors(String dayHour) {
        return prefix + ":uh:" + dayHour;
    }

    /** Exact set of the visitors of one UTC hour, dropped once it would exceed the exact limit. */
    public String hourVisitorSet(String dayHour) {
        return prefix + ":xh:" + dayHour;
    }

    /** HyperLogLog of the visitors of one UTC day. */
    public String dayVisitors(String day) {
        return prefix + ":ud:" + day;
    }

    /** Exact set of the visitors of one UTC day, dropped once it would exceed the exact limit. */
    public String dayVisitorSet(String day) {
        return prefix + ":xd:" + day;
    }

    /**
     * Sorted set of one day's breakdown of a dimension ({@code page}, {@code entryPage}, {@code referrer},
     * {@code property:<key>} ...): members {@code v|value}, {@code p|value}, {@code e|value}.
     */
    public String breakdown(String day, String dimension) {
        return prefix + ":b:" + day + ":" + dimension;
    }

    /** HyperLogLog of the visitors of one value of a dimension on one day. */
    public String breakdownVisitors(String day, String dimension, String value) {
        return prefix + ":bu:" + day + ":" + dimension + ":" + value;
    }

    /** Set of the custom property keys broken down on one day. */
    public String propertyKeys(String day) {
        return prefix + ":pk:" + day;
    }

    /** Hash of page views per minute ({@code mm}) of one hour; kept two hours, for the realtime view. */
    public String minutes(String dayHour) {
        return prefix + ":m:" + dayHour;
    }

    /** Sorted set of visitors (hash) by their last event time, trimmed to the last 30 minutes. */
    public String live() {
        return prefix + ":live";
    }

    /** Hash of the event fingerprints claimed in one dedupe generation. */
    public String dedupe(long generation) {
        return prefix + ":dd:" + generation;
    }

    /**
     * Hash of session states written in one generation (generation = now / session state TTL): field
     * {@code v:<visitor hash>} for idle-based sessions, {@code i:<session id>} for given ones. TTL: two generations.
     */
    public String sessionStates(long generation) {
        return prefix + ":s:" + generation;
    }

    /** Pub/sub channel carrying this site's newly stored events as JSON arrays, for live views. */
    public String liveChannel() {
        return LiveChannel.of(account);
    }

    /**
     * Field of {@link #totals}: {@code metric} is e (events), p (page views), s (sessions started), b (bounces),
     * d (summed session duration, ms) or x (set to 1 once the hour's exact visitor set overflowed).
     */
    public static String totalsField(char metric, String hour) {
        return metric + ":" + hour;
    }

    /** Stream of entries that could not be processed. Owner: tracking-service. Bounded by MAXLEN, no TTL. */
    public static String deadLetters() {
        return IngestStream.KEY + ":dead";
    }
}
