package io.trackingsystem.tracking.stats;

/**
 * {@code dimension:value}: only events with that value count. Entry and exit pages are those of the event's
 * visit, so a filter on them keeps whole visits.
 */
record Filter(Dimension dimension, String value) {

    boolean matches(RawEvent event, SessionPages pages) {
        return value.equals(dimension.valueOf(event, pages));
    }

    @Override
    public String toString() {
        return dimension.name() + ":" + value;
    }
}
