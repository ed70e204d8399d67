package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.storage.UtcDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The UTC days (yyyyMMdd, as in key names) that roll-ups and raw streams are kept by. */
final class Days {

    private Days() {
    }

    /** Start of a yyyyMMdd day, epoch ms. */
    static long start(String day) {
        int value = Integer.parseInt(day);
        return LocalDate.of(value / 10_000, value / 100 % 100, value % 100).toEpochDay() * UtcDays.DAY;
    }

    static long startOfDayContaining(long millis) {
        return Math.floorDiv(millis, UtcDays.DAY) * UtcDays.DAY;
    }

    /** The days overlapping [from, to). */
    static List<String> overlapping(long from, long to) {
        List<String> days = new ArrayList<>();
        for (long day = startOfDayContaining(from); day < to; day += UtcDays.DAY) {
            days.add(UtcDays.day(day));
        }
        return days;
    }

    static boolean isHourAligned(long millis) {
        return Math.floorMod(millis, UtcDays.HOUR) == 0;
    }

    static boolean isDayAligned(long millis) {
        return Math.floorMod(millis, UtcDays.DAY) == 0;
    }
}
