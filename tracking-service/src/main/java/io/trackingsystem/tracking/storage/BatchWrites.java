package io.trackingsystem.tracking.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one batch writes, summed per key: what {@code apply-batch.lua} turns into one HINCRBY per totals
 * field, one PFADD per HyperLogLog, one ZINCRBY per breakdown member and so on, instead of a dozen commands per
 * event. Filled by {@link BatchAccounting}, flattened by {@link ApplyArguments}.
 */
final class BatchWrites {

    /** A UTC day the batch touches: its totals hash, its visitors and when its roll-ups expire. */
    static final class Day {
        final String name;
        final long start;
        final long rollupEnd;
        final String totals;
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Set<String> visitors = new LinkedHashSet<>();
        /** The day's breakdown rows by dimension name; see {@link Breakdowns}. */
        final Map<String, Breakdowns.Dimension> dimensions = new HashMap<>();
        private final Map<String, Hour> hours = new HashMap<>();

        Day(String name, long start, long rollupEnd, String totals) {
            this.name = name;
            this.start = start;
            this.rollupEnd = rollupEnd;
            this.totals = totals;
        }

        void count(String field, long by) {
            counts.merge(field, by, Long::sum);
        }
    }

    /** A UTC hour: the names of its totals fields, its visitors and its page views per minute. */
    static final class Hour {
        final Day day;
        final String name;
        final String dayHour;
        final String events;
        final String pageviews;
        final String sessions;
        final String bounces;
        final String duration;
        final Set<String> visitors = new LinkedHashSet<>();
        final long[] minutes = new long[60];
        boolean hasMinutes;

        Hour(Day day, String name) {
            this.day = day;
            this.name = name;
            this.dayHour = day.name + name;
            this.events = TrackingKeys.totalsField('e', name);
            this.pageviews = TrackingKeys.totalsField('p', name);
            this.sessions = TrackingKeys.totalsField('s', name);
            this.bounces = TrackingKeys.totalsField('b', name);
            this.duration = TrackingKeys.totalsField('d', name);
        }

        void pageviewAt(int minute) {
            minutes[minute]++;
            hasMinutes = true;
        }
    }

    final TrackingKeys keys;
    private final long rawRetention;
    private final long rollupRetention;
    final Map<String, Day> days = new LinkedHashMap<>();
    final List<Hour> hours = new ArrayList<>();
    /** Hours by epoch hour, so an event finds its day and hour without building their names. */
    private final Map<Long, Hour> byEpochHour = new HashMap<>();
    /** Raw values per day stream, in event order. */
    final Map<String, List<String>> raw = new LinkedHashMap<>();
    final Map<String, Long> rawEnd = new HashMap<>();
    /** Fingerprints of the stored events: none may be recorded yet when the batch is written. */
    final List<String> claims = new ArrayList<>();
    /** Session state fields the batch read, with the text read ("" for none): they must be unchanged at write time. */
    final Map<String, String> readStates = new LinkedHashMap<>();
    final Map<String, SessionState> changedStates = new LinkedHashMap<>();
    final Breakdowns breakdowns;
    final Map<String, PropertyIndex> properties;
    /** Visitor hash to the time of its latest recent event, for {@code P:live}. */
    final Map<String, Long> live = new HashMap<>();

    BatchWrites(TrackingKeys keys, long rawRetention, long rollupRetention, Map<String, PropertyIndex> properties) {
        this.keys = keys;
        this.rawRetention = rawRetention;
        this.rollupRetention = rollupRetention;
        this.breakdowns = new Breakdowns(keys);
        this.properties = properties;
    }

    /** The UTC hour (and day) of a time. */
    Hour hourOf(long ts) {
        long epochHour = Math.floorDiv(ts, UtcDays.HOUR);
        Hour hour = byEpochHour.get(epochHour);
        if (hour == null) {
            hour = hour(day(UtcDays.day(ts), ts), UtcDays.hour(ts));
            byEpochHour.put(epochHour, hour);
        }
        return hour;
    }

    Day day(String name, long ts) {
        Day day = days.get(name);
        if (day == null) {
            long start = ts - Math.floorMod(ts, UtcDays.DAY);
            day = new Day(name, start, start + UtcDays.DAY + rollupRetention, keys.totals(name));
            days.put(name, day);
        }
        return day;
    }

    Hour hour(Day day, String name) {
        Hour hour = day.hours.get(name);
        if (hour == null) {
            hour = new Hour(day, name);
            day.hours.put(name, hour);
            hours.add(hour);
        }
        return hour;
    }

    void raw(Day day, String value) {
        String key = keys.raw(day.name);
        List<String> values = raw.get(key);
        if (values == null) {
            values = new ArrayList<>();
            raw.put(key, values);
            rawEnd.put(key, day.start + UtcDays.DAY + rawRetention);
        }
        values.add(value);
    }

    /** True when the batch has nothing to write: every event was a duplicate. */
    boolean isEmpty() {
        return claims.isEmpty();
    }
}
