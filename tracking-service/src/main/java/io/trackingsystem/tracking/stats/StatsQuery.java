package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.storage.TrackingKeys;

import java.util.List;

/** What every analytics query shares: whose data, which time, and which events count. */
record StatsQuery(String account, TimeRange range, List<Filter> filters) {

    StatsQuery {
        filters = List.copyOf(filters);
    }

    TrackingKeys keys() {
        return TrackingKeys.of(account);
    }

    boolean isFiltered() {
        return !filters.isEmpty();
    }

    /** A filter on entry or exit pages needs every page of the visits. */
    boolean needsSessionPages() {
        return filters.stream().anyMatch(filter -> filter.dimension().needsSessionPages());
    }

    boolean matches(RawEvent event, SessionPages pages) {
        for (Filter filter : filters) {
            if (!filter.matches(event, pages)) {
                return false;
            }
        }
        return true;
    }
}
