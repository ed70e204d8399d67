package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.tracking.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit's entry page, exit page, source, UTM values, duration and bounce come from its events' times, not from
 * the order they arrive in: each permutation of one visit's events, and each way of splitting them over
 * deliveries, gives the same answers. Custom properties whose keys and values share a colon stay apart.
 */
class OrderFreeVisitsTest {

    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    private static final long TEN = DAY.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final String RANGE = "from=" + DAY + "&to=" + DAY;
    private static StatsHarness harness;
    private static final List<List<Integer>> ORDERS = permutations(List.of(0, 1, 2));

    @BeforeAll
    static void feed() throws Exception {
        harness = StatsHarness.start();
        for (int p = 0; p < ORDERS.size(); p++) {
            List<TestEvents> visit = visit("visitor-" + p);
            List<TestEvents> ordered = new ArrayList<>();
            ORDERS.get(p).forEach(i -> ordered.add(visit.get(i)));
            // one by one for half of the orders, as one delivery for the others
            if (p % 2 == 0) {
                for (TestEvents event : ordered) {
                    harness.feed("order-" + p, List.of(event));
                }
            } else {
                harness.feed("order-" + p, ordered);
            }
        }
        harness.feed("colons", List.of(
                TestEvents.track("c1", "signup", TEN).props(Map.of("x:y", "z")),
                TestEvents.track("c2", "signup", TEN + 1).props(Map.of("x", "y:z"))));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** /, /pricing and /docs, two minutes apart; only the first comes from Google with a campaign. */
    private static List<TestEvents> visit(String visitor) {
        return List.of(
                pageview(visitor, "https://shop.example/", TEN).set("referrer", "https://www.google.com/")
                        .utm(Map.of("source", "google", "campaign", "spring")),
                pageview(visitor, "https://shop.example/pricing", TEN + 2 * MINUTE)
                        .set("referrer", "https://shop.example/"),
                pageview(visitor, "https://shop.example/docs", TEN + 4 * MINUTE)
                        .set("referrer", "https://shop.example/"));
    }

    @Test
    void everyOrderOfArrivalGivesTheSameVisit() {
        for (int p = 0; p < ORDERS.size(); p++) {
            String site = "order-" + p;
            String order = "order " + ORDERS.get(p);
            assertThat(rows("entryPage", site)).as(order).containsExactly("/ 1");
            assertThat(rows("exitPage", site)).as(order).containsExactly("/docs 1");
            assertThat(rows("referrer", site)).as(order).containsExactly("Google 1");
            assertThat(rows("utmCampaign", site)).as(order).containsExactly("spring 1");
            JsonNode overview = harness.answer("overview", site, RANGE);
            assertThat(overview.path("sessions").asLong()).as(order).isEqualTo(1);
            assertThat(overview.path("bounceRate").asDouble()).as(order).isZero();
            assertThat(overview.path("avgSessionSeconds").asDouble()).as(order).isEqualTo(240.0);
        }
    }

    @Test
    void propertyKeysAndValuesWithColonsDoNotMix() {
        assertThat(rows("property:x:y", "colons")).containsExactly("z 1");
        assertThat(rows("property:x", "colons")).containsExactly("y:z 1");
        assertThat(harness.answer("overview", "colons", RANGE + "&filter=property:x:y:z").path("visitors").asLong())
                .isEqualTo(1);
    }

    private static List<String> rows(String dimension, String site) {
        List<String> rows = new ArrayList<>();
        harness.answer("breakdown", site, RANGE + "&dimension=" + dimension).path("rows")
                .forEach(row -> rows.add(row.path("value").asText() + " " + row.path("visitors").asLong()));
        return rows;
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<Integer>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            Integer first = rest.remove(i);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}
