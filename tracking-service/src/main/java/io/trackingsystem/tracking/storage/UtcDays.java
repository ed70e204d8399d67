package io.trackingsystem.tracking.storage;

import java.time.LocalDate;

/** The UTC day and hour names used in keys: {@code yyyyMMdd} and {@code HH}. */
public final class UtcDays {

    public static final long DAY = 86_400_000L;
    public static final long HOUR = 3_600_000L;

    private UtcDays() {
    }

    public static String day(long epochMillis) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY));
        int value = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        return Integer.toString(value);
    }

    public static String hour(long epochMillis) {
        int hour = (int) (Math.floorMod(epochMillis, DAY) / HOUR);
        return hour < 10 ? "0" + hour : Integer.toString(hour);
    }
}
