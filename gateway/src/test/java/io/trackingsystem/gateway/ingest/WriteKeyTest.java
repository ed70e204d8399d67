package io.trackingsystem.gateway.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.trackingsystem.gateway.ingest.NativeApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A write key has one spelling: its variants are the same key, or no key at all. */
class WriteKeyTest {

    private static final int RATE = 100;

    private static IngestGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of("INGEST_RATE_LIMIT_PER_SECOND", String.valueOf(RATE)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void spellingsOfOneKeyShareOneRateBucketOnEveryApi() {
        String site = "acc-" + UUID.randomUUID();
        String key = IngestGateway.keyFor(site);
        List<HttpResponse<String>> answers = new ArrayList<>();
        // five seconds' worth at once: the site is in debt for four seconds
        answers.add(gateway.post("/api/events", "{\"apiKey\":\"" + key + "\",\"batch\":["
                + String.join(",", Collections.nCopies(5 * RATE, "{\"eventName\":\"e\"}")) + "]}"));
        for (String variant : List.of(key + "\u2003", "\u2003" + key, key + "\t", " " + key + " ",
                key + "\u3000", "\u2029" + key, key + "\n")) {
            answers.add(gateway.post("/api/events", "{\"apiKey\":\"" + json(variant) + "\",\"eventName\":\"e\"}"));
        }
        answers.add(gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}",
                "Authorization", IngestGateway.basic(key + "\u2003")));
        answers.add(gateway.post("/v1/track", "{\"writeKey\":\"" + json("\u2003" + key)
                + "\",\"userId\":\"u\",\"event\":\"e\"}"));

        assertThat(answers.get(0).statusCode()).isEqualTo(202);
        answers.subList(1, answers.size()).forEach(answer -> assertProblem(answer, 429));
        assertThat(gateway.events(site)).hasSize(5 * RATE);
    }

    @Test
    void refusesMalformedKeysWith401WithoutLookingThemUp() {
        String key = IngestGateway.keyFor("acc-" + UUID.randomUUID());
        long lookups = keyLookups();

        for (String malformed : List.of(key + "\u200B", "\uFEFF" + key, "tsx_" + key.substring(4),
                key.substring(0, key.length() - 1), key + "A", " ".repeat(221) + key, "tsr_" + key.substring(4),
                "key-" + UUID.randomUUID())) {
            assertProblem(gateway.post("/api/events", "{\"apiKey\":\"" + json(malformed)
                    + "\",\"eventName\":\"e\"}"), 401);
            HttpResponse<String> segment = gateway.post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\"}",
                    "Authorization", IngestGateway.basic(malformed));
            assertProblem(segment, 401);
        }

        assertThat(keyLookups()).isEqualTo(lookups);
    }

    /** The index reads Redis has served: a key is looked up with one HMGET of its digest's entry. */
    private long keyLookups() {
        String stats = gateway.redis().info("commandstats");
        java.util.regex.Matcher calls = java.util.regex.Pattern.compile("cmdstat_hmget:calls=(\\d+)").matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }


    /** The text as a JSON string's content: every character outside ASCII escaped. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
