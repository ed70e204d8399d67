package io.trackingsystem.tracking.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time a query covers, [start, end) in epoch ms, and the zone its days are counted in. The previous period
 * is the one of equal length just before: as many calendar days when the range was given in dates.
 */
record TimeRange(long start, long end, ZoneId zone, long previousStart) {

    /** The longest range a query may cover. */
    static final int MAX_DAYS = 731;

    boolean contains(long time) {
        return time >= start && time < end;
    }

    LocalDate firstDate() {
        return date(start);
    }

    /** The local date of the range's last moment. */
    LocalDate lastDate() {
        return date(end - 1);
    }

    LocalDate date(long time) {
        return Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
    }
}
