package io.trackingsystem.tracking.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ByVisitorTest {

    private static final long KEEP = 1L;

    /** What each part was given, as (visitor, entry) pairs. */
    private final Map<ByVisitor.Part, List<long[]>> given = new IdentityHashMap<>();

    @Test
    void ascendingPartsGiveEachKeptVisitorItsEntriesInOrderAcrossManyBlocks() {
        List<ByVisitor.Part> parts = parts(new Random(7), 30, 20_000, false);

        assertThat(grouped(parts, 3_000, 17_000)).containsExactlyElementsOf(reference(parts, 3_000, 17_000));
        assertThat(grouped(parts, 0, 20_000)).containsExactlyElementsOf(reference(parts, 0, 20_000));
    }

    @Test
    void aPartWhoseVisitorsDoNotAscendGivesTheSameGroups() {
        List<ByVisitor.Part> parts = parts(new Random(11), 12, 9_000, false);
        parts.addAll(parts(new Random(13), 3, 9_000, true));

        assertThat(grouped(parts, 1_000, 8_500)).containsExactlyElementsOf(reference(parts, 1_000, 8_500));
    }

    @Test
    void anEmptyRangeOrNoPartsGroupNothing() {
        List<ByVisitor.Part> parts = parts(new Random(3), 4, 1_000, false);

        assertThat(grouped(parts, 500, 500)).isEmpty();
        assertThat(grouped(List.of(), 0, 1_000)).isEmpty();
    }

    /** Days of events: each visitor with a few entries a day, in visitor order unless {@code shuffled}. */
    private List<ByVisitor.Part> parts(Random random, int days, int visitors, boolean shuffled) {
        List<ByVisitor.Part> parts = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            List<long[]> pairs = new ArrayList<>();
            for (int v = 0; v < visitors; v++) {
                for (int n = random.nextInt(3) == 0 ? random.nextInt(4) : 0; n > 0; n--) {
                    pairs.add(new long[]{v, random.nextInt(1 << 20)});
                }
            }
            if (shuffled) {
                Collections.shuffle(pairs, random);
            }
            ByVisitor.Part part = new ByVisitor.Part();
            pairs.forEach(pair -> part.add((int) pair[0], pair[1]));
            given.put(part, pairs);
            parts.add(part);
        }
        return parts;
    }

    private static List<List<Long>> grouped(List<ByVisitor.Part> parts, int first, int end) {
        List<List<Long>> groups = new ArrayList<>();
        ByVisitor.group(parts, first, end, KEEP, (entries, from, to) ->
                groups.add(Arrays.stream(entries, from, to).boxed().toList()));
        return groups;
    }

    /** The plain computation: every pair of the range by visitor, visitors with a kept entry, entries sorted. */
    private List<List<Long>> reference(List<ByVisitor.Part> parts, int first, int end) {
        TreeMap<Integer, List<Long>> byVisitor = new TreeMap<>();
        for (ByVisitor.Part part : parts) {
            for (long[] pair : given.get(part)) {
                if (pair[0] >= first && pair[0] < end) {
                    byVisitor.computeIfAbsent((int) pair[0], v -> new ArrayList<>()).add(pair[1]);
                }
            }
        }
        List<List<Long>> groups = new ArrayList<>();
        byVisitor.values().stream()
                .filter(entries -> entries.stream().anyMatch(entry -> (entry & KEEP) != 0))
                .forEach(entries -> groups.add(entries.stream().sorted().toList()));
        return groups;
    }
}
