package io.trackingsystem.tracking.pipeline;

/** Why an event was not stored. Every drop is counted under its reason. */
public enum DropReason {
    /** The entry is not an event: no account, unreadable JSON, no id or no name. */
    MALFORMED,
    /** The event's day is already past the retention ({@code EVENT_RETENTION_DAYS}). */
    TOO_OLD,
    /** The event id was seen before within the dedupe window. */
    DUPLICATE,
    /** The user agent is a known bot, crawler or monitor. */
    BOT,
    /** The site stored its bytes of the day already ({@code SITE_MB_PER_DAY}). */
    QUOTA;

    /** The name used in metrics tags. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
