package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment's own Node library, pointed at the gateway, delivers track, page and identify calls. */
class SegmentNodeLibraryTest {

    @Test
    void storesTrackPageAndIdentifySentByAnalyticsNode() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        JsonNode sent;
        List<JsonNode> events;
        try (IngestGateway gateway = IngestGateway.start(Map.of())) {
            sent = IngestGateway.parse(NodeScript.run(Duration.ofSeconds(60), "segment-node-library.mjs",
                    gateway.url(""), IngestGateway.keyFor(account)));
            events = gateway.events(account);
        }

        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(events.get(i).get("id").asText()).isEqualTo(sent.get(i).get("messageId").asText());
        }
        JsonNode track = events.get(0);
        assertThat(track.get("type").asText()).isEqualTo("track");
        assertThat(track.get("name").asText()).isEqualTo("Order Completed");
        assertThat(track.get("userId").asText()).isEqualTo("user-1");
        assertThat(track.get("props")).isEqualTo(IngestGateway.parse("{\"revenue\":42.5,\"currency\":\"EUR\"}"));
        assertThat(track.get("utm")).isEqualTo(IngestGateway.parse(
                "{\"source\":\"newsletter\",\"medium\":\"email\",\"campaign\":\"spring\"}"));
        assertThat(track.get("language").asText()).isEqualTo("de-DE");
        assertThat(track.get("ts").asLong()).isBetween(track.get("receivedAt").asLong() - 60_000,
                track.get("receivedAt").asLong());
        JsonNode page = events.get(1);
        assertThat(page.get("type").asText()).isEqualTo("page");
        assertThat(page.get("name").asText()).isEqualTo("pageview");
        assertThat(page.get("anonymousId").asText()).isEqualTo("anon-1");
        assertThat(page.get("url").asText()).isEqualTo("https://shop.example/pricing?utm_source=ads");
        assertThat(page.get("title").asText()).isEqualTo("Pricing");
        assertThat(page.get("referrer").asText()).isEqualTo("https://search.example/");
        assertThat(page.get("props").get("name").asText()).isEqualTo("Pricing");
        JsonNode identify = events.get(2);
        assertThat(identify.get("type").asText()).isEqualTo("identify");
        assertThat(identify.get("userId").asText()).isEqualTo("user-1");
        assertThat(identify.get("traits")).isEqualTo(IngestGateway.parse(
                "{\"email\":\"ann@example.com\",\"plan\":\"pro\"}"));
    }
}
