package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static io.trackingsystem.tracking.TestEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is written as sums per key; the sums must equal applying its events one at a time, for every rule that
 * carries state from one event to the next.
 */
class BatchAggregationTest extends StorageTest {



    @Test
    void oneBatchLeavesTheSameDataAsItsEventsStoredOneByOne() throws Exception {
        RedisFixture.flush();
        TestEvents repeated = track("carol", "signup", NOW - 3 * MINUTE).props(Map.of("plan", "pro"));
        List<TestEvents> events = List.of(
                // a bounce, taken back by the session's second event
                pageview("ann", "https://example.com/", NOW - 20 * MINUTE),
                pageview("bob", "https://example.com/a", NOW - 19 * MINUTE).set("referrer", "https://t.co/x"),
                track("ann", "download", NOW - 18 * MINUTE),
                // the exit page moves twice within the batch, and once back to an earlier page
                pageview("bob", "https://example.com/b", NOW - 17 * MINUTE),
                pageview("bob", "https://example.com/c?utm_source=mail", NOW - 16 * MINUTE),
                pageview("bob", "https://example.com/a", NOW - 15 * MINUTE),
                // an idle gap ends the session; a late event far before it is a session of its own
                pageview("ann", "https://example.com/later", NOW - 2 * MINUTE),
                pageview("ann", "https://example.com/early", NOW - 200 * MINUTE),
                // a session across midnight stays in its start hour
                pageview("dan", "https://example.com/night", DAY_START - 10 * MINUTE),
                pageview("dan", "https://example.com/morning", DAY_START + 5 * MINUTE),
                // an app's own session id whatever the gap; properties; the same event id twice
                track("erin", "tap", NOW - 300 * MINUTE).set("sessionId", "app-1").props(Map.of("screen", "home")),
                track("erin", "tap", NOW - MINUTE).set("sessionId", "app-1").props(Map.of("screen", "cart")),
                repeated,
                pageview("carol", "https://example.com/pricing", NOW - 4 * MINUTE).set("userAgent", TestEvents.IPHONE),
                repeated);
        StoreHarness harness = new StoreHarness(redis, NOW, Env.of(Map.of()));
        List<Event> batch = StoreWorkload.prepared(harness.pipeline, "acc-batch", events);
        List<Event> single = StoreWorkload.prepared(harness.pipeline, "acc-single", events);

        List<String> batchSessions = harness.store.store("acc-batch", batch);
        List<String> singleSessions = new ArrayList<>();
        for (Event event : single) {
            singleSessions.addAll(harness.store.store("acc-single", List.of(event)));
        }

        assertThat(batchSessions).isEqualTo(singleSessions).element(14).isEqualTo("");
        KeySpace stored = KeySpace.of(sync, "acc-batch", true);
        assertThat(stored.contents()).containsKey(":b:" + UtcDays.day(NOW) + ":exitPage");
        stored.assertSameAs(KeySpace.of(sync, "acc-single", true));
    }
}
