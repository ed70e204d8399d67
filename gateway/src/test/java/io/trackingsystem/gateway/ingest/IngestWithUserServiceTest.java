package io.trackingsystem.gateway.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.trackingsystem.gateway.ingest.NativeApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ingest with the keys the real user-service hands out, from registration to rotation. */
class IngestWithUserServiceTest {

    private static IngestGateway system;

    @BeforeAll
    static void start() throws Exception {
        system = IngestGateway.withUserService(Map.of("BCRYPT_COST", "10"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void storesEventsUnderTheSiteOfTheKeyAndRefusesAReplacedKeyAtOnce() {
        IngestGateway.Site registered = system.register();
        String account = registered.id();
        String oldKey = registered.writeKey();

        assertThat(system.post("/api/events", "{\"eventName\":\"first\"}", "X-API-Key", oldKey).statusCode())
                .isEqualTo(202);
        String newKey = IngestGateway.parse(system.post("/api/me/api-key", "",
                "Authorization", "Bearer " + registered.accessToken()).body()).get("apiKey").asText();

        // the revocation broadcast evicts the key long before the cache would re-check it
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertProblem(
                system.post("/api/events", "{\"eventName\":\"late\"}", "X-API-Key", oldKey), 401));
        HttpResponse<String> withNewKey = system.post("/v1/track", "{\"userId\":\"u-1\",\"event\":\"second\"}",
                "Authorization", IngestGateway.basic(newKey));
        assertThat(withNewKey.statusCode()).isEqualTo(200);
        assertThat(system.events(account)).extracting(event -> event.get("name").asText())
                .containsExactly("first", "second");
    }
}
