package io.trackingsystem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Normalise;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400_000L;
    private static final long NOW = 1_790_000_000_000L;

    @Test
    void historyHoldsExactlyTheEventsAskedForWithinTheRangeAndInVisitOrder() {
        List<SyntheticEvent> events = history(10_001, 30);

        assertThat(events).hasSize(10_001);
        assertThat(events).allSatisfy(event -> assertThat(event.ts()).isBetween(NOW - 30 * DAY, NOW - 1));
        long latest = 0;
        for (SyntheticEvent event : events) {
            assertThat(event.ts()).as("visits come in order of their start").isGreaterThan(latest - 20 * 60_000L);
            latest = Math.max(latest, event.ts());
        }
    }

    @Test
    void visitsHaveThreeToFiveEventsStartingWithAPageView() {
        Workload workload = new Workload(3, "v-", 100_000);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            List<SyntheticEvent> visit = workload.visit(NOW);
            lengths.add(visit.size());
            assertThat(visit.get(0).name()).isEqualTo(SyntheticEvent.PAGEVIEW);
            assertThat(visit).extracting(SyntheticEvent::visitor).containsOnly(visit.get(0).visitor());
            assertThat(visit).extracting(SyntheticEvent::ts).isSorted().doesNotHaveDuplicates();
            assertThat(visit.subList(1, visit.size())).allSatisfy(event -> {
                assertThat(event.referrer()).isEmpty();
                assertThat(event.query()).isEmpty();
            });
        }
        assertThat(lengths).containsExactlyInAnyOrder(3, 4, 5);
    }

    @Test
    void mixesPagesSourcesCampaignsAndCustomEventsInRealisticShares() {
        List<SyntheticEvent> events = history(40_000, 30);
        long visits = events.stream().filter(event -> !event.referrer().isEmpty() || !event.query().isEmpty()).count();
        long campaigns = events.stream().filter(event -> event.query().startsWith("?utm_source=")).count();
        long custom = events.stream().filter(event -> !event.name().equals(SyntheticEvent.PAGEVIEW)).count();

        assertThat(campaigns).as("UTM on about a tenth of ~10,000 visits").isBetween(800L, 1200L);
        assertThat(visits).as("visits with a referrer or campaign").isBetween(5000L, 7500L);
        assertThat(custom * 100 / events.size()).as("percent custom events").isBetween(12L, 25L);
        assertThat(events.stream().filter(event -> !event.props().isEmpty()).count()).isEqualTo(custom);
        assertThat(events.stream().map(SyntheticEvent::name).distinct()).hasSize(1 + Workload.CUSTOM_EVENTS.size());
        assertThat(events.stream().map(SyntheticEvent::path).distinct().count()).isBetween(250L, (long) Workload.PAGES);
        assertThat(events.stream().map(SyntheticEvent::userAgent).distinct()).hasSize(Workload.AGENTS.size());
        assertThat(events.stream().map(SyntheticEvent::referrer).distinct()).hasSize(Workload.REFERRERS.size());
    }

    @Test
    void canonicalEntriesPassTheTrackingServicesNormalisation() throws Exception {
        Normalise normalise = new Normalise(Duration.ofDays(90).toMillis(), Clock.systemUTC());
        long now = System.currentTimeMillis();
        List<SyntheticEvent> events = new ArrayList<>();
        new Workload(5, "v-", 1000).history(500, now - 30 * DAY, now, events::add);

        for (SyntheticEvent synthetic : events) {
            Event event = new Event("1-0", "acc-1", synthetic.canonicalJson());
            normalise.apply(event);
            assertThat(event.dropped()).as(synthetic.canonicalJson()).isFalse();
            assertThat(event.ts()).isEqualTo(synthetic.ts());
            assertThat(event.name()).isEqualTo(synthetic.name());
            assertThat(event.anonymousId()).isEqualTo(synthetic.visitor());
            assertThat(event.url()).isEqualTo(synthetic.url());
        }
    }

    @Test
    void nativeEventsCarryTheFieldsOfThePublicApi() throws Exception {
        Workload workload = new Workload(9, "v-", 10);
        SyntheticEvent custom = Stream.generate(() -> workload.visit(NOW)).limit(100)
                .flatMap(List::stream).filter(event -> !event.props().isEmpty()).findFirst().orElseThrow();

        JsonNode json = JSON.readTree(custom.nativeJson());

        assertThat(json.get("eventName").asText()).isEqualTo(custom.name());
        assertThat(json.get("anonymousId").asText()).isEqualTo(custom.visitor());
        assertThat(json.get("page").asText()).startsWith("https://shop.example.com/");
        assertThat(json.get("context").get("plan").asText()).isIn("pro", "free");
        assertThat(json.get("screen").asText()).matches("\\d+x\\d+");
        assertThat(json.has("eventTime")).as("the gateway stamps the time").isFalse();
    }

    private static List<SyntheticEvent> history(long count, int days) {
        List<SyntheticEvent> events = new ArrayList<>();
        new Workload(1, "v-", 5000).history(count, NOW - days * DAY, NOW, events::add);
        return events;
    }
}
