package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.contract.IngestStream;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zip bombs and oversize bodies, many at once, against a gateway whose heap is a fraction of what one bomb
 * inflates to: each is refused with 400, nothing is stored, and the gateway keeps working.
 */
class HostileBodiesHeapTest {

    private static final int HEAP_MB = 64;
    /** Each bomb inflates to eight times the gateway's whole heap. */
    private static final long BOMB_BYTES = 8L * HEAP_MB * 1024 * 1024;
    private static final int SENDERS = 8;
    private static final int REQUESTS_PER_SENDER = 10;

    @Test
    void refusesZipBombsAndOversizeBodiesWith400WithinABoundedHeapAndStoresNothing() throws Exception {
        String site = "acc-" + UUID.randomUUID();
        String key = IngestGateway.keyFor(site);
        byte[] bomb = ZipBomb.gzipOfZeros(BOMB_BYTES);
        byte[] oversize = ("{\"batch\":[" + String.join(",", Collections.nCopies(30, "{\"type\":\"track\","
                + "\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"blob\":\"" + "x".repeat(20_000) + "\"}}"))
                + "]}").getBytes(StandardCharsets.UTF_8);
        assertThat(bomb.length).isLessThan(1_048_576);
        assertThat(oversize.length).isBetween(500 * 1024, 1_048_576);

        // the in-process gateway's stand-in user-service resolves the key for the gateway under test too
        try (IngestGateway redisView = IngestGateway.start(Map.of());
             GatewayProcess gateway = GatewayProcess.start(HEAP_MB, Map.of())) {
            redisView.clearStream();
            Set<String> keysBefore = dataKeys(redisView);
            List<HttpResponse<String>> answers = new ArrayList<>();
            long peakHeap = gateway.peakHeapBytesDuring(() -> answers.addAll(send(gateway, key, bomb, oversize)));

            assertThat(answers).hasSize(SENDERS * REQUESTS_PER_SENDER).allSatisfy(answer -> {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            });
            assertThat(gateway.isAlive()).isTrue();
            assertThat(peakHeap).as("peak heap").isLessThanOrEqualTo(HEAP_MB * 1024L * 1024);
            assertThat(redisView.redis().xlen(IngestStream.KEY)).isZero();
            assertThat(dataKeys(redisView)).isEqualTo(keysBefore);
            System.out.printf("peak heap while refusing %d bodies: %d MB of %d MB%n", answers.size(),
                    peakHeap >> 20, HEAP_MB);

            HttpResponse<String> afterwards = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gateway.url("/v1/track"))).header("Authorization", IngestGateway.basic(key))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"event\":\"after\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
            assertThat(redisView.events(site)).hasSize(1);
        }
    }

    /** Every sender alternates bombs and oversize bodies, all of them at once. */
    private static List<HttpResponse<String>> send(GatewayProcess gateway, String key, byte[] bomb,
                                                   byte[] oversize) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<List<HttpResponse<String>>>> running = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                running.add(senders.submit(() -> {
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_SENDER; i++) {
                        boolean isBomb = i % 2 == 0;
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url("/v1/batch")))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", IngestGateway.basic(key))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(isBomb ? bomb : oversize));
                        if (isBomb) {
                            request.header("Content-Encoding", "gzip");
                        }
                        answers.add(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
                    }
                    return answers;
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> sender : running) {
                answers.addAll(sender.get());
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The keys holding data: not the messaging layer's own, which come and go with every service. */
    private static Set<String> dataKeys(IngestGateway gateway) {
        Set<String> keys = new TreeSet<>(gateway.redis().keys("*"));
        keys.removeIf(name -> name.startsWith("rpc:"));
        return keys;
    }
}
