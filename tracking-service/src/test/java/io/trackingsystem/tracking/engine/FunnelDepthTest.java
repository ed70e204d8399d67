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
        long[] times = {0, MINUTE, 2 * MINUTE, 3 * MINUTE};
        long[] masks = {1, 2, 1, 2};
        long[] scratch = new long[8];
        java.util.Arrays.fill(scratch, 42);

        assertThat(Funnels.depth(times, masks, 0, 4, 2, 60 * MINUTE, scratch)).isEqualTo(2);
        assertThat(Funnels.depth(times, masks, 2, 4, 2, 60 * MINUTE, scratch)).isEqualTo(2);
        assertThat(Funnels.depth(times, masks, 1, 2, 2, 60 * MINUTE, scratch)).as("no start in range").isZero();
    }

    private static long[] step(long minute, int step) {
        return new long[]{minute * MINUTE, 1L << step};
    }

    /** Events in time order, as {@link ByVisitor} hands them over. */
    private static int depth(int steps, long windowMinutes, long[]... events) {
        long[] times = new long[events.length];
        long[] masks = new long[events.length];
        for (int i = 0; i < events.length; i++) {
            times[i] = events[i][0];
            masks[i] = events[i][1];
        }
        return Funnels.depth(times, masks, 0, events.length, steps, windowMinutes * MINUTE);
    }
}
