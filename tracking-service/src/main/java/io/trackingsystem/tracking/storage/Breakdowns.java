package io.trackingsystem.tracking.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The breakdown rows a batch changes, summed per day, dimension and value: visits, page views, events and the
 * visitors whose visits were counted. Each (day, dimension) is one sorted set {@code P:b:<day>:<dimension>}.
 *
 * <p>A dimension keeps at most {@code valuesPerDay} values per day (three members each); new values beyond that are
 * counted as {@link TrackingKeys#OTHER}. Whether a value is new needs the set's members, so a dimension whose batch
 * could cross the limit is {@linkplain Dimension#resolve resolved} against what Redis holds; the apply script then
 * checks the set did not change meanwhile. Any other dimension is written as is, guarded by the check that its set
 * still has room for all of the batch's values.
 */
final class Breakdowns {

    /** One value's changes. {@code visitors} is null while no visit with a visitor was counted. */
    static final class Row {
        long visits;
        long pageviews;
        long events;
        Set<String> visitors;

        void visit(String visitor, long by) {
            visits += by;
            if (visitor != null) {
                if (visitors == null) {
                    visitors = new LinkedHashSet<>();
                }
                visitors.add(visitor);
            }
        }

        void event(boolean pageview) {
            events++;
            if (pageview) {
                pageviews++;
            }
        }

        void add(Row other) {
            visits += other.visits;
            pageviews += other.pageviews;
            events += other.events;
            if (other.visitors != null) {
                if (visitors == null) {
                    visitors = new LinkedHashSet<>();
                }
                visitors.addAll(other.visitors);
            }
        }
    }

    /** The rows of one sorted set. */
    static final class Dimension {
        final String day;
        final String name;
        final String key;
        Map<String, Row> rows = new LinkedHashMap<>();
        /** ZCARD seen when the rows were resolved against Redis; -1 while unresolved. */
        long resolvedCard = -1;

        Dimension(String day, String name, String key) {
            this.day = day;
            this.name = name;
            this.key = key;
        }

        Row row(String value) {
            Row row = rows.get(value);
            if (row == null) {
                row = new Row();
                rows.put(value, row);
            }
            return row;
        }

        /** The members whose presence tells whether a value is known: {@code e|value} and {@code v|value}. */
        List<String> probes() {
            List<String> members = new ArrayList<>(rows.size() * 2);
            for (String value : rows.keySet()) {
                members.add(TrackingKeys.EVENTS + value);
                members.add(TrackingKeys.VISITS + value);
            }
            return members;
        }

        /**
         * Maps the values that are new to the set and beyond the limit to {@link TrackingKeys#OTHER}.
         * {@code known} holds, in {@link #probes()} order, whether each probe member exists.
         */
        void resolve(long card, List<Boolean> known, int valuesPerDay) {
            resolvedCard = card;
            long members = card;
            Map<String, Row> admitted = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Row> entry : rows.entrySet()) {
                String target = entry.getKey();
                boolean exists = known.get(i) || known.get(i + 1);
                i += 2;
                if (!target.equals(TrackingKeys.OTHER) && !exists) {
                    if (members < 3L * valuesPerDay) {
                        members += 3;
                    } else {
                        target = TrackingKeys.OTHER;
                    }
                }
                admitted.computeIfAbsent(target, t -> new Row()).add(entry.getValue());
            }
            rows = admitted;
        }
    }

    private final TrackingKeys keys;
    private final List<Dimension> dimensions = new ArrayList<>();

    Breakdowns(TrackingKeys keys) {
        this.keys = keys;
    }

    Row row(BatchWrites.Day day, String dimension, String value) {
        Dimension rows = day.dimensions.get(dimension);
        if (rows == null) {
            rows = new Dimension(day.name, dimension, keys.breakdown(day.name, dimension));
            day.dimensions.put(dimension, rows);
            dimensions.add(rows);
        }
        return rows.row(value);
    }

    Iterable<Dimension> dimensions() {
        return dimensions;
    }

    /** The dimensions that must be resolved before writing: known to be near their limit, or over it alone. */
    List<Dimension> needingResolution(Set<String> nearLimit, int valuesPerDay) {
        List<Dimension> out = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            if (nearLimit.contains(dimension.key) || dimension.rows.size() > valuesPerDay) {
                out.add(dimension);
            }
        }
        return out;
    }
}
