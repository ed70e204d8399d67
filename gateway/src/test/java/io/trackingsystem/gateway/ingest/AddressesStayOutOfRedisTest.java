package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway alone, with nothing processing the stream: what it writes for events whose addresses it looks up
 * holds their countries and no address, whichever way the address came. (IngestToStatsTest checks the same after
 * the pipeline has stored them.)
 */
class AddressesStayOutOfRedisTest {

    private static IngestGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of("TRUSTED_PROXIES", "1"));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void theIngestStreamCarriesCountriesButNoAddress() {
        String account = "acc-geo-" + System.nanoTime();
        String key = IngestGateway.keyFor(account);
        List<String> addresses = List.of("8.8.8.8", "81.2.69.142", "2001:4860:4860::8888", "1.1.1.1");

        gateway.post("/api/events", "{\"eventName\":\"pageview\",\"page\":\"/a\"}", "X-API-Key", key,
                "X-Forwarded-For", "10.0.0.1, " + addresses.get(0));
        gateway.post("/api/events", "{\"eventName\":\"pageview\",\"ip\":\"" + addresses.get(1) + "\"}",
                "X-API-Key", key);
        gateway.post("/v1/page", "{\"anonymousId\":\"a\",\"context\":{\"ip\":\"" + addresses.get(2) + "\"}}",
                "Authorization", IngestGateway.basic(key));
        gateway.post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\","
                + "\"context\":{\"ip\":\"" + addresses.get(3) + "\"}}]}", "Authorization", IngestGateway.basic(key));

        List<JsonNode> events = gateway.events(account);
        assertThat(events).extracting(event -> event.path("country").asText()).containsExactly("US", "GB", "US", "AU");
        List<String> stored = gateway.everythingStored();
        assertThat(stored).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(addresses));
    }
}
