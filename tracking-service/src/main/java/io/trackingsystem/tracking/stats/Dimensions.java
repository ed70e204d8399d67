package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.catalogue.Dimension;

import java.util.List;

/** The dimension catalogue as the dashboard reads it: what it may break down and filter by, and how to label it. */
final class Dimensions {

    /** One dimension: its API name, its label and where its value comes from (event, visit, entry, exit page). */
    record Entry(String name, String label, String scope) {
    }

    record Answer(List<Entry> dimensions) {
    }

    private Dimensions() {
    }

    static Answer answer() {
        return new Answer(Dimension.FIXED.stream()
                .map(d -> new Entry(d.name(), d.label(), d.scope().name().toLowerCase(java.util.Locale.ROOT)))
                .toList());
    }
}
