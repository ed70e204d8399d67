package io.trackingsystem.tracking.blocks;

import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.util.Map;
import java.util.TreeMap;

/**
 * An event as it is kept: its 64-bit id (from the sender's message id, so a redelivery has the same one), its time,
 * one text value per {@link Column} and its custom properties, by key.
 */
public record StoredEvent(long id, long time, String[] values, String[] propertyKeys, String[] propertyValues) {

    public StoredEvent {
        if (values.length != Column.values().length || propertyKeys.length != propertyValues.length) {
            throw new IllegalArgumentException("one value per column and per property key");
        }
    }

    public static StoredEvent of(Event event) {
        Column[] columns = Column.values();
        String[] values = new String[columns.length];
        for (Column column : columns) {
            values[column.ordinal()] = column.of(event);
        }
        Map<String, String> props = new TreeMap<>(event.props());
        String[] keys = new String[props.size()];
        String[] propertyValues = new String[props.size()];
        int i = 0;
        for (Map.Entry<String, String> property : props.entrySet()) {
            keys[i] = property.getKey();
            propertyValues[i++] = property.getValue();
        }
        return new StoredEvent(idOf(event.id()), event.ts(), values, keys, propertyValues);
    }

    /** The stored id of a sender's event id. */
    public static long idOf(String eventId) {
        return Hashes.hash64(eventId, 0);
    }

    public String value(Column column) {
        return values[column.ordinal()];
    }
}
