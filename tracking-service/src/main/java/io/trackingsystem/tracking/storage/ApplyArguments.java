package io.trackingsystem.tracking.storage;

import io.trackingsystem.tracking.TrackingConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattens {@link BatchWrites} into the arguments of {@code apply-batch.lua}, in the order the script reads them:
 *
 * <ol>
 *   <li>dedupe TTL ms, session state TTL ms, exact visitor limit;</li>
 *   <li>checks: {@code n, fingerprint × n}; {@code n, field × n, expected state × n} ("" = none), the fields
 *       the batch changes first; {@code n, (z|s, key, min, max) × n} (ZCARD or SCARD must lie in [min, max]);</li>
 *   <li>raw events: {@code n, (key, expireAt, k, value × k) × n} (also checked to be streams);</li>
 *   <li>session states: {@code n, state × n}, the new states of the first n fields of the check;</li>
 *   <li>day and hour visitors: {@code n, (HyperLogLog key, exact set key, totals key, flag, expireAt, k,
 *       member × k) × n};</li>
 *   <li>hash counters: {@code n, (key, expireAt, k, (field, increment) × k) × n};</li>
 *   <li>breakdowns: {@code n, (key, expireAt, k, (increment, member) × k) × n};</li>
 *   <li>breakdown value HyperLogLogs, then property key sets: {@code n, (key, expireAt, k, member × k) × n}
 *       each;</li>
 *   <li>realtime: {@code k, key, trim bound, ttl ms, (time, visitor hash) × k}.</li>
 * </ol>
 */
final class ApplyArguments {

    private static final long MINUTE = 60_000L;

    private final List<String> args = new ArrayList<>();

    private ApplyArguments() {
    }

    static String[] of(BatchWrites writes, TrackingConfig config, long now) {
        ApplyArguments out = new ApplyArguments();
        out.add(config.dedupeWindow().toMillis() * 2).add(config.sessionStateTtl().toMillis() * 2)
                .add(config.exactVisitors());
        out.checks(writes, config.valuesPerDay());
        out.rawEvents(writes);
        out.add(writes.changedStates.size());
        writes.changedStates.values().forEach(state -> out.add(state.format()));
        out.visitors(writes);
        out.counters(writes);
        out.breakdowns(writes);
        out.valueVisitors(writes);
        out.propertyKeys(writes);
        out.live(writes, now);
        return out.args.toArray(String[]::new);
    }

    private void checks(BatchWrites writes, int valuesPerDay) {
        add(writes.claims.size());
        args.addAll(writes.claims);
        // the changed fields first, so the states written later need not repeat their names
        List<String> fields = new ArrayList<>(writes.changedStates.keySet());
        writes.readStates.keySet().stream().filter(f -> !writes.changedStates.containsKey(f)).forEach(fields::add);
        add(fields.size());
        args.addAll(fields);
        fields.forEach(field -> args.add(writes.readStates.get(field)));
        List<String> guards = new ArrayList<>();
        int count = 0;
        for (Breakdowns.Dimension dimension : writes.breakdowns.dimensions()) {
            long min = Math.max(dimension.resolvedCard, 0);
            long max = dimension.resolvedCard >= 0 ? dimension.resolvedCard
                    : 3L * valuesPerDay - 3L * dimension.rows.size();
            guards.addAll(List.of("z", dimension.key, Long.toString(min), Long.toString(max)));
            count++;
        }
        for (PropertyIndex index : writes.properties.values()) {
            if (!index.added().isEmpty()) {
                guards.addAll(List.of("s", index.key, "0", Long.toString(index.maxSizeAtWrite())));
                count++;
            }
        }
        add(count);
        args.addAll(guards);
    }

    private void rawEvents(BatchWrites writes) {
        add(writes.raw.size());
        writes.raw.forEach((key, values) -> {
            add(key).add(writes.rawEnd.get(key)).add(values.size());
            args.addAll(values);
        });
    }

    private void visitors(BatchWrites writes) {
        List<BatchWrites.Day> days = writes.days.values().stream().filter(d -> !d.visitors.isEmpty()).toList();
        List<BatchWrites.Hour> hours = writes.hours.stream().filter(h -> !h.visitors.isEmpty()).toList();
        add(days.size() + hours.size());
        for (BatchWrites.Day day : days) {
            add(writes.keys.dayVisitors(day.name)).add(writes.keys.dayVisitorSet(day.name)).add(day.totals)
                    .add(TrackingKeys.DAY_SET_OVERFLOWED).add(day.rollupEnd).members(day.visitors);
        }
        for (BatchWrites.Hour hour : hours) {
            add(writes.keys.hourVisitors(hour.dayHour)).add(writes.keys.hourVisitorSet(hour.dayHour))
                    .add(hour.day.totals).add(TrackingKeys.totalsField('x', hour.name)).add(hour.day.rollupEnd)
                    .members(hour.visitors);
        }
    }

    /** Totals of every day the batch touched (also those only touched for expiry), then page views per minute. */
    private void counters(BatchWrites writes) {
        List<BatchWrites.Hour> minuteHours = writes.hours.stream().filter(h -> h.hasMinutes).toList();
        add(writes.days.size() + minuteHours.size());
        for (BatchWrites.Day day : writes.days.values()) {
            List<String> pairs = new ArrayList<>();
            day.counts.forEach((field, by) -> {
                if (by != 0) {
                    pairs.add(field);
                    pairs.add(Long.toString(by));
                }
            });
            add(day.totals).add(day.rollupEnd).add(pairs.size() / 2);
            args.addAll(pairs);
        }
        for (BatchWrites.Hour hour : minuteHours) {
            int fields = 0;
            for (long count : hour.minutes) {
                fields += count > 0 ? 1 : 0;
            }
            long hourStart = hour.day.start + Integer.parseInt(hour.name) * UtcDays.HOUR;
            add(writes.keys.minutes(hour.dayHour)).add(hourStart + 2 * UtcDays.HOUR).add(fields);
            for (int minute = 0; minute < hour.minutes.length; minute++) {
                if (hour.minutes[minute] > 0) {
                    add(minute < 10 ? "0" + minute : Integer.toString(minute)).add(hour.minutes[minute]);
                }
            }
        }
    }

    private void breakdowns(BatchWrites writes) {
        List<String> groups = new ArrayList<>();
        int count = 0;
        for (Breakdowns.Dimension dimension : writes.breakdowns.dimensions()) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, Breakdowns.Row> entry : dimension.rows.entrySet()) {
                Breakdowns.Row row = entry.getValue();
                increment(pairs, row.visits, TrackingKeys.VISITS, entry.getKey());
                increment(pairs, row.pageviews, TrackingKeys.PAGEVIEWS, entry.getKey());
                increment(pairs, row.events, TrackingKeys.EVENTS, entry.getKey());
            }
            groups.add(dimension.key);
            groups.add(Long.toString(writes.days.get(dimension.day).rollupEnd));
            groups.add(Integer.toString(pairs.size() / 2));
            groups.addAll(pairs);
            count++;
        }
        add(count);
        args.addAll(groups);
    }

    private static void increment(List<String> pairs, long by, String kind, String value) {
        if (by != 0) {
            pairs.add(Long.toString(by));
            pairs.add(kind + value);
        }
    }

    /** Breakdown value visitors: one PFADD per value with all of the batch's visitors. */
    private void valueVisitors(BatchWrites writes) {
        List<String> groups = new ArrayList<>();
        int count = 0;
        for (Breakdowns.Dimension dimension : writes.breakdowns.dimensions()) {
            long end = writes.days.get(dimension.day).rollupEnd;
            for (Map.Entry<String, Breakdowns.Row> entry : dimension.rows.entrySet()) {
                Set<String> visitors = entry.getValue().visitors;
                if (visitors != null) {
                    group(groups, writes.keys.breakdownVisitors(dimension.day, dimension.name, entry.getKey()),
                            end, visitors);
                    count++;
                }
            }
        }
        add(count);
        args.addAll(groups);
    }

    private void propertyKeys(BatchWrites writes) {
        List<String> groups = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, PropertyIndex> entry : writes.properties.entrySet()) {
            BatchWrites.Day day = writes.days.get(entry.getKey());
            if (!entry.getValue().added().isEmpty() && day != null) {
                group(groups, entry.getValue().key, day.rollupEnd, entry.getValue().added());
                count++;
            }
        }
        add(count);
        args.addAll(groups);
    }

    private void live(BatchWrites writes, long now) {
        add(writes.live.size());
        if (!writes.live.isEmpty()) {
            add(writes.keys.live()).add("(" + (now - BatchAccounting.LIVE_WINDOW))
                    .add(BatchAccounting.LIVE_WINDOW + MINUTE);
            writes.live.forEach((visitor, ts) -> add(ts).add(visitor));
        }
    }

    private static void group(List<String> groups, String key, long expireAt, Collection<String> members) {
        groups.add(key);
        groups.add(Long.toString(expireAt));
        groups.add(Integer.toString(members.size()));
        groups.addAll(members);
    }

    private void members(Collection<String> members) {
        add(members.size());
        args.addAll(members);
    }

    private ApplyArguments add(String value) {
        args.add(value);
        return this;
    }

    private ApplyArguments add(long value) {
        args.add(Long.toString(value));
        return this;
    }
}
