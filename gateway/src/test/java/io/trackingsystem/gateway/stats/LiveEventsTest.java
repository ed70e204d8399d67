package io.trackingsystem.gateway.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventsTest {

    @Test
    void turnsEachPublishedEventIntoOneDataFrameInTheEventListShape() {
        String frames = LiveEvents.frames("[{\"name\":\"pageview\",\"type\":\"page\",\"ts\":1717243200000,"
                + "\"visitorId\":\"v1\",\"sessionId\":\"s1\",\"path\":\"/a\",\"browser\":\"Firefox\"},"
                + "{\"name\":\"signup\",\"type\":\"track\",\"ts\":1717243201000,\"visitorId\":\"v1\","
                + "\"sessionId\":\"s1\",\"props\":{\"plan\":\"pro\"}}]");

        assertThat(frames).isEqualTo(
                "data: {\"eventName\":\"pageview\",\"timestamp\":\"2024-06-01T12:00:00Z\",\"visitorId\":\"v1\","
                        + "\"sessionId\":\"s1\",\"page\":\"/a\",\"referrer\":\"\",\"browser\":\"Firefox\",\"os\":\"\","
                        + "\"device\":\"\",\"properties\":{}}\n\n"
                        + "data: {\"eventName\":\"signup\",\"timestamp\":\"2024-06-01T12:00:01Z\",\"visitorId\":\"v1\","
                        + "\"sessionId\":\"s1\",\"page\":\"\",\"referrer\":\"\",\"browser\":\"\",\"os\":\"\","
                        + "\"device\":\"\",\"properties\":{\"plan\":\"pro\"}}\n\n");
    }

    @Test
    void ignoresMessagesThatAreNotArraysOfEvents() {
        assertThat(LiveEvents.frames("not json")).isEmpty();
        assertThat(LiveEvents.frames("{\"name\":\"x\"}")).isEmpty();
        assertThat(LiveEvents.frames("[1, \"x\"]")).isEmpty();
    }
}
