package io.trackingsystem.tracking.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelDepthTest {

    private static final long MINUTE = 60_000;

    @Test
    void stepsMustComeInOrder() {
        assertThat(depth(3, 60, step(0, 2), step(5, 1), step(7, 0))).isEqualTo(1);
        assertThat(depth(3, 60, step(0, 0), step(5, 1), step(7, 2))).isEqualTo(3);
    }

    @Test
    void aLaterStartCanFinishWithinTheWindowWhenAnEarlierCannot() {
        // started at 0, but step 2 comes 90 minutes later; the restart at 50 is within an hour of it
        assertThat(depth(2, 60, step(0, 0), step(50, 0), step(90, 1))).isEqualTo(2);
        assertThat(depth(2, 60, step(0, 0), step(90, 1))).isEqualTo(1);
    }

    @Test
    void oneEventCompletesOnlyOneStepEvenWhenTwoStepsAreAlike() {
        long both = 0b11;
        assertThat(depth(2, 60, new long[]{0, both})).isEqualTo(1);
        assertThat(depth(2, 60, new long[]{0, both}, new long[]{MINUTE, both})).isEqualTo(2);
    }

    @Test
    void anEventThatIsTwoLaterStepsCompletesOnlyTheFirstOfThem() {
        long both = 0b110;
        assertThat(depth(3, 60, step(0, 0), new long[]{MINUTE, both})).isEqualTo(2);
        assertThat(depth(3, 60, step(0, 0), new long[]{MINUTE, both}, new long[]{2 * MINUTE, both})).isEqualTo(3);
    }

    @Test
    void aVisitorWhoFinishedStopsCountingAndAScratchArrayGivesTheSameDepth() {
        long[] entries = entries(2, step(0, 0), step(1, 1), step(2, 0), step(3, 1));
        long[] scratch = new long[8];
        java.util.Arrays.fill(scratch, 42);

        assertThat(Funnels.depth(entries, 0, 4, 2, 60 * MINUTE, scratch)).isEqualTo(2);
        assertThat(Funnels.depth(entries, 2, 4, 2, 60 * MINUTE, scratch)).isEqualTo(2);
        assertThat(Funnels.depth(entries, 1, 2, 2, 60 * MINUTE, scratch)).as("no start in range").isZero();
    }

    @Test
    void entriesSortByTimeAndKeepTheirMasks() {
        long[] entries = entries(8, new long[]{3 * MINUTE, 0b1000_0001}, step(1, 7), step(2, 0));
        java.util.Arrays.sort(entries);

        assertThat(entries).containsExactly(Funnels.entry(MINUTE, 8, 1L << 7), Funnels.entry(2 * MINUTE, 8, 1),
                Funnels.entry(3 * MINUTE, 8, 0b1000_0001));
        assertThat(Funnels.depth(entries, 0, 3, 8, 60 * MINUTE)).isEqualTo(1);
    }

    private static long[] step(long minute, int step) {
        return new long[]{minute * MINUTE, 1L << step};
    }

    /** (time, mask) pairs as a funnel's entries. */
    private static long[] entries(int steps, long[]... events) {
        long[] entries = new long[events.length];
        for (int i = 0; i < events.length; i++) {
            entries[i] = Funnels.entry(events[i][0], steps, events[i][1]);
        }
        return entries;
    }

    /** Events in time order, as {@link ByVisitor} hands them over. */
    private static int depth(int steps, long windowMinutes, long[]... events) {
        return Funnels.depth(entries(steps, events), 0, events.length, steps, windowMinutes * MINUTE);
    }
}
