package io.trackingsystem.gateway.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class TrackerScriptTest {

    /** The tracker's budget: 1.5 KB once gzipped. */
    private static final int MAX_GZIPPED_BYTES = 1536;

    private static IngestGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = IngestGateway.start(Map.of());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void servesTheTrackerAsJavaScriptToAnyOrigin() throws IOException {
        HttpResponse<byte[]> response = get("identity");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(script());
    }

    @Test
    void servesItGzippedToBrowsersThatAcceptGzip() throws IOException {
        HttpResponse<byte[]> response = get("gzip, deflate, br");

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(script());
        }
    }

    @Test
    void staysWithinOneAndAHalfKilobytesGzipped() throws IOException {
        HttpResponse<byte[]> response = get("gzip");

        System.out.printf("tracker: %d bytes, %d gzipped%n", script().length, response.body().length);
        assertThat(response.body().length).isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
    }

    private static HttpResponse<byte[]> get(String acceptEncoding) {
        try {
            return gateway.httpClient().send(gateway.request("/t.js").header("Accept-Encoding", acceptEncoding)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] script() throws IOException {
        try (InputStream in = TrackerScriptTest.class.getClassLoader().getResourceAsStream(TrackerScript.RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
