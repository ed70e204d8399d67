package io.trackingsystem.gateway.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Serves the tracker script, compressed once at start for every browser that accepts gzip. */
final class TrackerScript implements Processor {

    static final String RESOURCE = "tracker/t.js";

    private final byte[] plain;
    private final byte[] gzipped;

    TrackerScript() {
        this.plain = load();
        this.gzipped = gzip(plain);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String acceptEncoding = message.getHeader("Accept-Encoding", "", String.class);
        boolean gzip = acceptEncoding.contains("gzip");
        message.getHeaders().clear();
        message.setHeader(Exchange.CONTENT_TYPE, "text/javascript; charset=utf-8");
        message.setHeader("Cache-Control", "public, max-age=3600");
        message.setHeader("Vary", "Accept-Encoding");
        message.setHeader("X-Content-Type-Options", "nosniff");
        if (gzip) {
            message.setHeader("Content-Encoding", "gzip");
        }
        message.setBody(gzip ? gzipped : plain);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] load() {
        try (InputStream in = TrackerScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
