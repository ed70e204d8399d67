package io.trackingsystem.tracking.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionCohortsTest {

    @Test
    void blocksOfAnySizeGiveThePlainCountOfEachCohort() {
        Lists days = lists(new Random(5), 30, 30, 20_000);

        for (int block : new int[]{64, 1_000, 8_192, 20_000, 1 << 20}) {
            assertThat(Retentions.cohorts(days.lists, days.periods, 20_000, 30, block))
                    .as("block of %d", block).usingRecursiveComparison().isEqualTo(reference(days, 20_000, 30));
        }
    }

    @Test
    void periodsBeyondOneWordAndListsSharingAPeriodCount() {
        // two lists a period, as a UTC day gives each of the zone's two calendar days its own
        Lists days = lists(new Random(9), 140, 70, 5_000);

        assertThat(Retentions.cohorts(days.lists, days.periods, 5_000, 70, 64))
                .usingRecursiveComparison().isEqualTo(reference(days, 5_000, 70));
    }

    @Test
    void noListsGiveEmptyCohorts() {
        Retentions.Cohorts cohorts = Retentions.cohorts(List.of(), List.of(), 1_000, 7, 64);

        assertThat(cohorts.sizes()).containsOnly(0L);
        assertThat(Arrays.asList(cohorts.returning())).containsOnlyNulls();
    }

    private record Lists(List<int[]> lists, List<Integer> periods) {
    }

    /** {@code count} ascending lists of distinct visitors, list i in period i * periods / count. */
    private static Lists lists(Random random, int count, int periods, int visitors) {
        List<int[]> lists = new ArrayList<>();
        List<Integer> listPeriods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TreeSet<Integer> members = new TreeSet<>();
            int size = random.nextInt(visitors / 4);
            while (members.size() < size) {
                // a skew towards low codes, as early visitors come back more
                members.add((int) (visitors * Math.pow(random.nextDouble(), 2)));
            }
            lists.add(members.stream().mapToInt(Integer::intValue).toArray());
            listPeriods.add(i * periods / count);
        }
        return new Lists(lists, listPeriods);
    }

    /** The plain computation: each visitor's set of periods, its first the cohort. */
    private static Retentions.Cohorts reference(Lists days, int visitors, int periods) {
        BitSet[] active = new BitSet[visitors];
        for (int l = 0; l < days.lists.size(); l++) {
            for (int visitor : days.lists.get(l)) {
                if (active[visitor] == null) {
                    active[visitor] = new BitSet();
                }
                active[visitor].set(days.periods.get(l));
            }
        }
        long[] sizes = new long[periods];
        long[][] returning = new long[periods][];
        for (BitSet periodsOfVisitor : active) {
            if (periodsOfVisitor == null) {
                continue;
            }
            int cohort = periodsOfVisitor.nextSetBit(0);
            sizes[cohort]++;
            if (returning[cohort] == null) {
                returning[cohort] = new long[periods - cohort];
            }
            for (int p = periodsOfVisitor.nextSetBit(cohort); p >= 0; p = periodsOfVisitor.nextSetBit(p + 1)) {
                returning[cohort][p - cohort]++;
            }
        }
        return new Retentions.Cohorts(sizes, returning);
    }
}
