package io.trackingsystem.gateway.dashboard;

import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers GETs from a classpath folder. Files are read once and kept in memory: the dashboard is a few hundred
 * kilobytes. Hashed assets are cached for a year; {@code index.html} is never cached, so a deploy shows at once.
 */
final class StaticFiles implements Processor {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final String root;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    StaticFiles(String root) {
        this.root = root;
    }

    @Override
    public void process(Exchange exchange) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "/", String.class);
        if (path.startsWith("/api/") || path.startsWith("/v1/")) {
            throw ProblemException.notFound("No API at " + path);
        }
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        byte[] content = file.contains("..") ? null : read(file);
        if (content == null && !hasExtension(file)) {
            file = "/index.html";
            content = read(file);
        }
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        if (content == null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody("Not found");
            return;
        }
        message.setHeader(Exchange.CONTENT_TYPE, TYPES.getOrDefault(extension(file), "application/octet-stream"));
        message.setHeader("Cache-Control", file.startsWith("/assets/")
                ? "public, max-age=31536000, immutable" : "no-cache");
        message.setBody(content);
    }

    private byte[] read(String file) {
        return cache.computeIfAbsent(file, f -> {
            try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(root + f)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean hasExtension(String file) {
        return file.lastIndexOf('.') > file.lastIndexOf('/');
    }

    private static String extension(String file) {
        return hasExtension(file) ? file.substring(file.lastIndexOf('.') + 1) : "";
    }
}
