package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored data model is defined by the former write path, which applied every event one by one in Lua
 * ({@link ReferenceStore}). The same events, in the same batches, stored by {@link EventStore} into one account
 * and by the reference into another, must leave the two accounts' keys identical: names, types, contents, TTLs.
 */
class SameStateAsThePerEventScriptTest extends StorageTest {



    @Test
    void batchesOfMixedTrafficOverTwoDays() throws Exception {
        List<TestEvents> events = StoreWorkload.events(11, 1500, 50, 30, NOW);

        compare(Env.of(Map.of()), events, 300);
    }

    @Test
    void valueKeyAndVisitorLimitsReachedOneEventAtATime() throws Exception {
        Env tight = Env.of(Map.of("BREAKDOWN_VALUES_PER_DAY", "6", "PROPERTY_KEYS_PER_DAY", "3",
                "EXACT_VISITORS_LIMIT", "12"));
        List<TestEvents> events = StoreWorkload.events(12, 300, 25, 15, NOW);

        compare(tight, events, 1);
    }

    @Test
    void limitsReachedWithinABatchWhereTheOrderOfNewValuesIsFixed() throws Exception {
        // one new page per batch: which values fit under the limit does not depend on the order of new values
        Env tight = Env.of(Map.of("BREAKDOWN_VALUES_PER_DAY", "4", "EXACT_VISITORS_LIMIT", "5"));
        List<TestEvents> events = new java.util.ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            for (int i = 0; i < 5; i++) {
                events.add(TestEvents.pageview("visitor-" + (batch * 5 + i) % 7, "https://example.com/p/" + batch,
                        NOW - (40 - batch * 5 - i) * 60_000L));
            }
        }

        compare(tight, events, 5);
    }

    private static void compare(Env env, List<TestEvents> events, int batchSize) throws Exception {
        StoreHarness harness = new StoreHarness(redis, NOW, env);
        ReferenceStore reference = new ReferenceStore(redis, harness.config);
        List<Event> ours = StoreWorkload.prepared(harness.pipeline, "acc-new", events);
        List<Event> theirs = StoreWorkload.prepared(harness.pipeline, "acc-ref", events);
        for (int from = 0; from < events.size(); from += batchSize) {
            int to = Math.min(events.size(), from + batchSize);
            List<String> sessions = harness.store.store("acc-new", ours.subList(from, to));
            assertThat(sessions).isEqualTo(reference.store("acc-ref", theirs.subList(from, to), NOW));
        }

        KeySpace stored = KeySpace.of(sync, "acc-new", false);
        assertThat(stored.contents()).hasSizeGreaterThan(20);
        stored.assertSameAs(KeySpace.of(sync, "acc-ref", false));
    }
}
