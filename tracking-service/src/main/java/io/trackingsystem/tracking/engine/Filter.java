package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Dimension;

/**
 * {@code dimension:value}: only events with that value count. Visit-level values (source, UTM, entry and exit
 * page) are the event's visit's, so a filter on them keeps whole visits.
 */
public record Filter(Dimension dimension, String value) {

    @Override
    public String toString() {
        return dimension.name() + ":" + value;
    }
}
