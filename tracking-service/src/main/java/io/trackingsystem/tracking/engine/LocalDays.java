package io.trackingsystem.tracking.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar days of a zone over a range, as instants, for telling an event's local date by binary search. */
public final class LocalDays {

    private final LocalDate first;
    private final long[] starts;

    /** The local days from the one containing {@code from} to the one containing {@code to - 1}. */
    public LocalDays(long from, long to, ZoneId zone) {
        this.first = Instant.ofEpochMilli(from).atZone(zone).toLocalDate();
        LocalDate last = Instant.ofEpochMilli(to - 1).atZone(zone).toLocalDate();
        int count = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        starts = new long[count + 1];
        for (int i = 0; i <= count; i++) {
            starts[i] = first.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    public LocalDate first() {
        return first;
    }

    /** Epoch ms when the local day of index {@code index} begins. */
    public long startOf(int index) {
        return starts[index];
    }

    /** Days after {@link #first} of the local date of {@code time}, which lies in the range. */
    public int index(long time) {
        int low = 0;
        int high = starts.length - 2;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= time) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
