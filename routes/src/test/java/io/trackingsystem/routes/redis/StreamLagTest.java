package io.trackingsystem.routes.redis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies are built as Lettuce returns {@code XINFO} replies: flat lists of names and values. */
class StreamLagTest {

    private static List<Object> group(String name, long pending, String lastDelivered, Long lag) {
        return Arrays.asList("name", name, "consumers", 1L, "pending", pending, "last-delivered-id", lastDelivered,
                "entries-read", 10L, "lag", lag);
    }

    private static List<Object> redis6Group(long pending, String lastDelivered) {
        return List.of("name", "g", "consumers", 1L, "pending", pending, "last-delivered-id", lastDelivered);
    }

    private static List<Object> stream(long length, String first, String last) {
        return List.of("length", length, "radix-tree-keys", 1L, "last-generated-id", last, "groups", 1L,
                "first-entry", List.of(first, List.of("a", "x")), "last-entry", List.of(last, List.of("a", "x")));
    }

    @Test
    void addsPendingEntriesToTheLagRedisReportsForTheSlowestGroup() {
        List<Object> groups = List.of(group("fast", 2, "900-0", 1L), group("slow", 3, "500-0", 400L));

        assertThat(StreamLag.slowest(groups, null)).isEqualTo(403);
    }

    @Test
    void needsTheStreamWhenRedisReportsNoLag() {
        assertThat(StreamLag.slowest(List.of(redis6Group(3, "1500-0")), null)).isNull();
        assertThat(StreamLag.slowest(List.of(group("g", 3, "1500-0", null)), null)).isNull();
    }

    @Test
    void estimatesTheLagFromEntryIdsAsTimestamps() {
        List<Object> stream = stream(1000, "1000-0", "2000-0");

        assertThat(StreamLag.slowest(List.of(redis6Group(3, "1500-0")), stream)).isEqualTo(503);
        assertThat(StreamLag.slowest(List.of(redis6Group(3, "1900-0")), stream)).isEqualTo(103);
    }

    @Test
    void isExactWhenTheGroupIsCaughtUpOrHasReadNothing() {
        List<Object> stream = stream(1000, "1000-0", "2000-7");

        assertThat(StreamLag.slowest(List.of(redis6Group(4, "2000-7")), stream)).isEqualTo(4);
        assertThat(StreamLag.slowest(List.of(redis6Group(0, "0-0")), stream)).isEqualTo(1000);
        assertThat(StreamLag.slowest(List.of(redis6Group(0, "2000-6")), stream(5, "2000-0", "2000-7")))
                .isEqualTo(5);
    }
}
