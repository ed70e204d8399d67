package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.catalogue.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's filters as codes of the site's dictionaries, split by where they are checked: per event (its own
 * columns and properties) or per visit (source, UTM, entry and exit page). A filter on a value the site never had
 * makes the query {@link #impossible}: nothing can match, and nothing is scanned.
 */
final class CompiledQuery {

    final Column[] eventFilters;
    final int[] eventCodes;
    final int[] propertyKeys;
    final int[] propertyValues;
    final Dimension[] visitFilters;
    final int[] visitCodes;
    final boolean impossible;

    private CompiledQuery(Column[] eventFilters, int[] eventCodes, int[] propertyKeys, int[] propertyValues,
                          Dimension[] visitFilters, int[] visitCodes, boolean impossible) {
        this.eventFilters = eventFilters;
        this.eventCodes = eventCodes;
        this.propertyKeys = propertyKeys;
        this.propertyValues = propertyValues;
        this.visitFilters = visitFilters;
        this.visitCodes = visitCodes;
        this.impossible = impossible;
    }

    /** Compiled against the codes known now: the caller has read every day it scans first. */
    static CompiledQuery of(List<Filter> filters, SiteCodes codes) {
        List<Column> eventColumns = new ArrayList<>();
        List<Integer> eventCodes = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<Dimension> visitDimensions = new ArrayList<>();
        List<Integer> visitCodes = new ArrayList<>();
        boolean impossible = false;
        for (Filter filter : filters) {
            Dimension dimension = filter.dimension();
            String stored = dimension.stored(filter.value());
            switch (dimension.scope()) {
                case EVENT -> {
                    int code = codes.of(dimension.column()).find(stored);
                    impossible |= code == Codes.ABSENT;
                    eventColumns.add(dimension.column());
                    eventCodes.add(code);
                }
                case PROPERTY -> {
                    int key = codes.propertyKeys().find(dimension.key());
                    int value = codes.propertyValues().find(stored);
                    impossible |= key == Codes.ABSENT || value == Codes.ABSENT;
                    keys.add(key);
                    values.add(value);
                }
                default -> {
                    int code = codes.of(dimension.column()).find(stored);
                    impossible |= code == Codes.ABSENT;
                    visitDimensions.add(dimension);
                    visitCodes.add(code);
                }
            }
        }
        return new CompiledQuery(eventColumns.toArray(Column[]::new), ints(eventCodes), ints(keys), ints(values),
                visitDimensions.toArray(Dimension[]::new), ints(visitCodes), impossible);
    }

    boolean hasVisitFilters() {
        return visitFilters.length > 0;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
