package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.storage.RawFields;

/**
 * One stored event as read back from a day's raw stream (see {@link RawFields}). Referrer and UTM values are the
 * visit's, copied onto each of its events when stored. Absent values are empty strings.
 *
 * @param day   the stream's UTC day, yyyyMMdd
 * @param id    the stream entry id, unique within the day
 * @param time  event time, epoch ms
 * @param utm   source, medium, campaign, term, content
 * @param props custom properties as a JSON object of strings, or empty
 */
record RawEvent(String day, String id, long time, String name, String type, String visitor, String session,
                String path, String referrer, String[] utm, String browser, String os, String device, String screen,
                String language, String props) {

    static final String PAGEVIEW = "pageview";

    boolean isPageview() {
        return PAGEVIEW.equals(name);
    }

    /** Unique across days: the day and the entry id. */
    String uniqueId() {
        return day + "-" + id;
    }
}
