package io.trackingsystem.tracking.blocks;

import io.trackingsystem.tracking.catalogue.Column;

/**
 * A decoded block: the events of one UTC day, column by column. Each text column is a dictionary of the block's
 * distinct values and one code per event into it; custom properties are (key, value) code pairs, event
 * {@code i}'s from {@code propertyStart[i]} to {@code propertyStart[i + 1]}. Immutable once built.
 */
public final class EventBlock {

    final int epochDay;
    final int size;
    final long[] ids;
    /** Milliseconds since the start of the block's day. */
    final int[] times;
    final String[][] dictionaries;
    final int[][] codes;
    final String[] propertyKeyDictionary;
    final String[] propertyValueDictionary;
    final int[] propertyStart;
    final int[] propertyKeys;
    final int[] propertyValues;

    EventBlock(int epochDay, int size, long[] ids, int[] times, String[][] dictionaries, int[][] codes,
               String[] propertyKeyDictionary, String[] propertyValueDictionary, int[] propertyStart,
               int[] propertyKeys, int[] propertyValues) {
        this.epochDay = epochDay;
        this.size = size;
        this.ids = ids;
        this.times = times;
        this.dictionaries = dictionaries;
        this.codes = codes;
        this.propertyKeyDictionary = propertyKeyDictionary;
        this.propertyValueDictionary = propertyValueDictionary;
        this.propertyStart = propertyStart;
        this.propertyKeys = propertyKeys;
        this.propertyValues = propertyValues;
    }

    /** UTC days since 1970-01-01. */
    public int epochDay() {
        return epochDay;
    }

    public int size() {
        return size;
    }

    public long id(int event) {
        return ids[event];
    }

    /** Epoch milliseconds. */
    public long time(int event) {
        return epochDay * 86_400_000L + times[event];
    }

    public int timeInDay(int event) {
        return times[event];
    }

    public String value(int event, Column column) {
        return dictionaries[column.ordinal()][codes[column.ordinal()][event]];
    }

    /** The block's distinct values of a column; {@link #code} indexes into it. */
    public String[] dictionary(Column column) {
        return dictionaries[column.ordinal()];
    }

    /** Every event's code of a column, in event order; not to be changed. */
    public int[] codes(Column column) {
        return codes[column.ordinal()];
    }

    public int code(int event, Column column) {
        return codes[column.ordinal()][event];
    }

    public int propertyCount(int event) {
        return propertyStart[event + 1] - propertyStart[event];
    }

    public String propertyKey(int event, int index) {
        return propertyKeyDictionary[propertyKeys[propertyStart[event] + index]];
    }

    public String propertyValue(int event, int index) {
        return propertyValueDictionary[propertyValues[propertyStart[event] + index]];
    }

    public String[] propertyKeyDictionary() {
        return propertyKeyDictionary;
    }

    public String[] propertyValueDictionary() {
        return propertyValueDictionary;
    }

    /** Property pair {@code pair} of the block (0 .. total pairs): its key and value codes. */
    public int propertyKeyCode(int pair) {
        return propertyKeys[pair];
    }

    public int propertyValueCode(int pair) {
        return propertyValues[pair];
    }

    public int propertyStart(int event) {
        return propertyStart[event];
    }

    /** The event back as it was stored. */
    public StoredEvent event(int event) {
        Column[] columns = Column.values();
        String[] values = new String[columns.length];
        for (Column column : columns) {
            values[column.ordinal()] = value(event, column);
        }
        int count = propertyCount(event);
        String[] keys = new String[count];
        String[] propertyValuesOf = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = propertyKey(event, i);
            propertyValuesOf[i] = propertyValue(event, i);
        }
        return new StoredEvent(ids[event], time(event), values, keys, propertyValuesOf);
    }
}
