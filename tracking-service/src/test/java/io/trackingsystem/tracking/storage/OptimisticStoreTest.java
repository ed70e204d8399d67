package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.pipeline.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two phases of storing: what a batch read may change before it is written, and the apply script must then
 * refuse the whole batch, so that nothing is counted twice or from outdated state.
 */
class OptimisticStoreTest extends StorageTest {

    private static final String DAY = UtcDays.day(NOW);
    private static final String ACCOUNT = "acc-1";
    private static final TrackingKeys KEYS = TrackingKeys.of(ACCOUNT);

    private StoreHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StoreHarness(redis, NOW, Env.of(Map.of()));
    }

    @Test
    void aBatchWhoseSessionChangedAfterItWasReadWritesNothingAndIsStoredOnItsNextAttempt() throws Exception {
        List<Event> late = prepared(pageview("v1", "https://example.com/a", NOW - 10 * MINUTE));
        Prepared read = prepare(late);
        harness.store(ACCOUNT, pageview("v1", "https://example.com/b", NOW - 5 * MINUTE));

        ApplyScript.Reply reply = read.apply();

        assertThat(reply.applied()).isFalse();
        assertThat(reply.conflict()).isEqualTo("session");
        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(1);
        assertThat(harness.store.store(ACCOUNT, late)).doesNotContain("");
        assertThat(harness.totals(ACCOUNT, DAY)).containsEntry("e:12", "2").containsEntry("s:12", "1")
                .containsEntry("b:12", "0").containsEntry("d:12", Long.toString(5 * MINUTE));
    }

    @Test
    void aBatchWhoseEventGotRecordedAfterItWasReadWritesNothing() throws Exception {
        TestEvents shared = pageview("v1", "https://example.com/", NOW - 10 * MINUTE);
        List<Event> batch = prepared(shared, pageview("v2", "https://example.com/", NOW - 9 * MINUTE));
        Prepared read = prepare(batch);
        harness.store(ACCOUNT, shared);

        ApplyScript.Reply reply = read.apply();

        assertThat(reply.applied()).isFalse();
        assertThat(reply.conflict()).isEqualTo("recorded");
        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(1);
        EventStore.Stored stored = harness.store.store(List.of(new EventStore.Batch(ACCOUNT, batch))).get(0);
        assertThat(stored.sessionIds().get(0)).isEmpty();
        assertThat(stored.sessionIds().get(1)).isNotEmpty();
        assertThat(stored.conflicts()).as("a duplicate is no conflict").isZero();
        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(2);
        assertThat(sync.xlen(KEYS.raw(DAY))).isEqualTo(2);
    }

    @Test
    void valuesAdmittedUnderALimitThatFilledMeanwhileAreDecidedAgainstTheFullSet() throws Exception {
        harness = new StoreHarness(redis, NOW, Env.of(Map.of("BREAKDOWN_VALUES_PER_DAY", "3")));
        List<Event> batch = prepared(pageview("v1", "https://example.com/a", NOW - 10 * MINUTE),
                pageview("v1", "https://example.com/b", NOW - 9 * MINUTE));
        Prepared read = prepare(batch);
        harness.store(ACCOUNT, pageview("v2", "https://example.com/c", NOW - 8 * MINUTE),
                pageview("v3", "https://example.com/d", NOW - 8 * MINUTE));

        ApplyScript.Reply reply = read.apply();
        List<EventStore.Stored> stored = harness.store.store(List.of(new EventStore.Batch(ACCOUNT, batch)));

        assertThat(reply.conflict()).isEqualTo("limit");
        assertThat(reply.crowded()).contains(KEYS.breakdown(DAY, "page"));
        assertThat(stored.get(0).ok()).isTrue();
        assertThat(stored.get(0).conflicts()).isEqualTo(1);
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|/a")).isEqualTo(1.0);
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|/b")).isNull();
        assertThat(harness.score(ACCOUNT, DAY, "page", "p|" + TrackingKeys.OTHER)).isEqualTo(1.0);
    }

    @Test
    void readingAndAccountingABatchWriteNothing() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", NOW - 20 * MINUTE));
        long keys = sync.dbsize();
        Map<String, String> totals = harness.totals(ACCOUNT, DAY);

        prepare(prepared(pageview("v1", "https://example.com/x", NOW - 10 * MINUTE),
                TestEvents.track("v2", "buy", NOW - MINUTE).props(Map.of("plan", "pro"))));

        assertThat(sync.dbsize()).isEqualTo(keys);
        assertThat(harness.totals(ACCOUNT, DAY)).isEqualTo(totals);
    }

    @Test
    void theScriptIsLoadedAgainWhenRedisNoLongerHasIt() throws Exception {
        harness.store(ACCOUNT, pageview("v1", "https://example.com/", NOW - 2 * MINUTE));
        sync.scriptFlush();

        harness.store(ACCOUNT, pageview("v2", "https://example.com/", NOW - MINUTE));

        assertThat(harness.total(ACCOUNT, DAY, 'e')).isEqualTo(2);
    }

    private List<Event> prepared(TestEvents... events) {
        return StoreWorkload.prepared(harness.pipeline, ACCOUNT, List.of(events));
    }

    /** Phase one and the accounting, as EventStore does them, stopped before the write. */
    private Prepared prepare(List<Event> events) throws Exception {
        TrackingConfig config = harness.config;
        long dedupe = NOW / config.dedupeWindow().toMillis();
        long states = NOW / config.sessionStateTtl().toMillis();
        StoreSnapshot snapshot = new StoreReads(redis.async()).snapshot(KEYS, dedupe, states, events,
                config.propertyKeysPerDay(), true).get();
        BatchWrites writes = BatchAccounting.account(new BatchWrites(KEYS, config.rawRetention().toMillis(),
                        config.rollupRetention().toMillis(), snapshot.properties()), snapshot, NOW,
                config.sessionIdle().toMillis(), events, new ArrayList<>());
        String[] keys = {KEYS.dedupe(dedupe), KEYS.dedupe(dedupe - 1), KEYS.sessionStates(states),
                KEYS.sessionStates(states - 1)};
        return new Prepared(keys, ApplyArguments.of(writes, config, NOW));
    }

    private record Prepared(String[] keys, String[] args) {
        ApplyScript.Reply apply() throws Exception {
            return new ApplyScript(redis.async()).apply(keys, args).get();
        }
    }
}
