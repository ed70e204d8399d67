package io.trackingsystem.gateway.stats;

import io.trackingsystem.gateway.access.Reader;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open {@code /api/live} stream. Everything is written on the connection's own Vert.x context. The write
 * buffer is bounded: while it is full, new events are dropped rather than queued.
 */
final class LiveClient {

    private final Reader reader;
    private final String token;
    private final HttpServerResponse response;
    private final Context context;
    private volatile boolean closed;
    private long dropped;

    LiveClient(Reader reader, String token, HttpServerResponse response, Context context) {
        this.reader = reader;
        this.token = token;
        this.response = response;
        this.context = context;
    }

    /** The site whose events the stream carries. */
    String site() {
        return reader.site();
    }

    Reader reader() {
        return reader;
    }

    /** The credential the stream was opened with, to check again on each heartbeat. */
    String token() {
        return token;
    }

    void send(String frames) {
        if (frames.isEmpty() || closed) {
            return;
        }
        context.runOnContext(ignored -> {
            if (closed || response.closed() || response.ended()) {
                return;
            }
            if (response.writeQueueFull()) {
                dropped++;
                return;
            }
            response.write(frames);
        });
    }

    /** A comment line, which EventSource ignores but proxies see as traffic. */
    void heartbeat() {
        send(dropped == 0 ? ": keep-alive\n\n" : ": keep-alive, " + dropped + " events dropped\n\n");
    }

    void close() {
        closed = true;
        context.runOnContext(ignored -> {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    void markClosed() {
        closed = true;
    }
}
