package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.Filter;

import java.util.List;

/** What every analytics query shares: whose data, which time, and which events count. */
record StatsQuery(String site, TimeRange range, List<Filter> filters) {

    StatsQuery {
        filters = List.copyOf(filters);
    }

    boolean isFiltered() {
        return !filters.isEmpty();
    }
}
