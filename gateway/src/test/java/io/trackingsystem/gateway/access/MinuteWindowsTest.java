package io.trackingsystem.gateway.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinuteWindowsTest {

    private static final long MINUTE = MinuteWindows.MINUTE_MS;

    @Test
    void aBurstAcrossTheTurnOfAClockMinuteIsCountedAsOne() {
        MinuteWindows windows = new MinuteWindows(3);
        long lastSecondOfAMinute = 7 * MINUTE - 1_000;

        assertThat(windows.admit("share", lastSecondOfAMinute)).isZero();
        assertThat(windows.admit("share", lastSecondOfAMinute + 500)).isZero();
        assertThat(windows.admit("share", lastSecondOfAMinute + 1_500)).isZero();

        assertThat(windows.peek("share", lastSecondOfAMinute + 2_000)).isEqualTo(58);
        assertThat(windows.admit("share", lastSecondOfAMinute + 2_000)).isEqualTo(58);
        assertThat(windows.admit("other", lastSecondOfAMinute + 2_000)).as("keys count apart").isZero();
    }

    @Test
    void theWindowClosesAMinuteAfterItsFirstHitAndNotBefore() {
        MinuteWindows windows = new MinuteWindows(2);
        long opened = 5 * MINUTE + 30_000;
        windows.admit("share", opened);
        windows.admit("share", opened + 10_000);

        assertThat(windows.peek("share", opened + MINUTE - 1)).isEqualTo(1);
        assertThat(windows.admit("share", opened + MINUTE - 1)).isEqualTo(1);
        assertThat(windows.peek("share", opened + MINUTE)).isZero();
        assertThat(windows.admit("share", opened + MINUTE)).isZero();
        assertThat(windows.admit("share", opened + MINUTE + 1)).isZero();
        assertThat(windows.admit("share", opened + MINUTE + 2)).isPositive();
    }

    @Test
    void peekingNeverCounts() {
        MinuteWindows windows = new MinuteWindows(1);
        for (int i = 0; i < 100; i++) {
            assertThat(windows.peek("share", 1_000 + i)).isZero();
        }
        assertThat(windows.admit("share", 2_000)).isZero();
        assertThat(windows.admit("share", 2_001)).isPositive();
    }

    @Test
    void keysOfClosedWindowsAreSweptSoAFloodOfKeysDoesNotAccumulate() {
        MinuteWindows windows = new MinuteWindows(10);
        long start = 100 * MINUTE;
        for (int minute = 0; minute < 5; minute++) {
            for (int i = 0; i < 1_000; i++) {
                windows.admit("junk-" + minute + "-" + i, start + minute * MINUTE + i);
            }
        }

        assertThat(windows.size()).isLessThanOrEqualTo(2_000);
    }
}
