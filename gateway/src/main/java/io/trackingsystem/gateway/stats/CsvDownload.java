package io.trackingsystem.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.messaging.Messaging;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/export}: asks the tracking-service for the file piece by piece and streams each piece to the
 * client as it comes, so neither the reply messages nor the gateway ever hold the whole file. Until the first
 * piece arrives nothing is sent, so a refused request still answers with its problem; a failure later can only
 * cut the download short.
 */
final class CsvDownload implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DRAIN_WAIT_MS = 30_000;

    private final ProducerTemplate template;
    private final String endpoint;

    CsvDownload(ProducerTemplate template, String endpoint) {
        this.template = template;
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        HttpServerResponse response = exchange.getMessage(HttpMessage.class).getResponse();
        String principal = exchange.getProperty(Messaging.PRINCIPAL, String.class);
        String query = ForwardedQuery.of(exchange, Set.of("cursor"));
        String cursor = null;
        boolean started = false;
        do {
            String body = cursor == null ? query : query + (query.isEmpty() ? "" : "&") + "cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Exchange piece = template.send(endpoint, request -> {
                request.setProperty(Messaging.PRINCIPAL, principal);
                request.getMessage().setBody(body);
            });
            Message reply = piece.getMessage();
            int status = reply.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
            if (!started && (piece.getException() != null || status != 200)) {
                answerWith(exchange, piece);
                return;
            }
            if (piece.getException() != null || status != 200 || response.closed()) {
                response.reset();
                return;
            }
            JsonNode json = JSON.readTree(reply.getBody(String.class));
            if (!started) {
                response.setStatusCode(200).setChunked(true)
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\""
                                + json.path("filename").asText().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("X-Content-Type-Options", "nosniff");
                started = true;
            }
            if (!write(response, json.path("csv").asText())) {
                response.reset();
                return;
            }
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
        } while (cursor != null);
        response.end();
    }

    /** The service refused or failed before anything was sent: its answer becomes the response. */
    private static void answerWith(Exchange exchange, Exchange piece) throws Exception {
        if (piece.getException() != null) {
            throw piece.getException();
        }
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        piece.getMessage().getHeaders().forEach(message::setHeader);
        message.setBody(piece.getMessage().getBody());
    }

    /**
     * Writes, first waiting while the client's buffer is full: a slow client slows the download down instead of
     * filling memory. False when the client is gone or stopped reading.
     */
    private static boolean write(HttpServerResponse response, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_WAIT_MS;
        while (response.writeQueueFull() && !response.closed()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(ignored -> drained.countDown());
            long left = deadline - System.currentTimeMillis();
            if (response.writeQueueFull() && (left <= 0 || !drained.await(left, TimeUnit.MILLISECONDS))) {
                return false;
            }
        }
        if (response.closed()) {
            return false;
        }
        if (!text.isEmpty()) {
            response.write(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
        }
        return true;
    }
}
