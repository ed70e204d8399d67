package io.trackingsystem.reliability;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** An open {@code /api/live} stream, collecting every line it receives until closed. */
final class LiveFrames implements AutoCloseable {

    private final StringBuffer received = new StringBuffer();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveFrames(Api api, String accessToken) {
        response = http.sendAsync(HttpRequest.newBuilder(api.uri("/api/live"))
                        .header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> answer.body().forEach(line -> received.append(line).append('\n')));
    }

    /** Opens the stream and waits for its first frame, so nothing sent afterwards can be missed. */
    static LiveFrames open(Api api, String accessToken) {
        LiveFrames frames = new LiveFrames(api, accessToken);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frames.text().contains(": connected"));
        return frames;
    }

    String text() {
        return received.toString();
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
