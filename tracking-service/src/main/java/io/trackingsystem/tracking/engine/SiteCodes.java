package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

/**
 * A site's dictionaries: one per stored column (the visitor column's codes are the visitor ordinals that distinct
 * counts use), one for property keys and one for property values.
 */
final class SiteCodes {

    static final String PAGEVIEW = "pageview";

    private final Codes[] columns = new Codes[Column.values().length];
    private final Codes propertyKeys = new Codes();
    private final Codes propertyValues = new Codes();
    private final int pageview;
    private final int empty;

    SiteCodes() {
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Codes();
            columns[i].code("");
        }
        propertyKeys.code("");
        propertyValues.code("");
        pageview = columns[Column.NAME.ordinal()].code(PAGEVIEW);
        empty = 0;
    }

    Codes of(Column column) {
        return columns[column.ordinal()];
    }

    Codes propertyKeys() {
        return propertyKeys;
    }

    Codes propertyValues() {
        return propertyValues;
    }

    /** The name code of page views. */
    int pageview() {
        return pageview;
    }

    /** Every dictionary's code of the empty value. */
    int empty() {
        return empty;
    }

    /** Roughly what this site's dictionaries hold on the heap: part of what the view cache bounds. */
    long bytes() {
        long bytes = propertyKeys.bytes() + propertyValues.bytes();
        for (Codes codes : columns) {
            bytes += codes.bytes();
        }
        return bytes;
    }
}
