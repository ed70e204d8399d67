package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker in a real headless Chromium: a website on another origin embeds the snippet, and the browser's
 * page views and events must arrive on the ingest stream.
 */
class TrackerInBrowserTest {

    private static final String SHOP = "acc-shop-" + UUID.randomUUID();
    private static final String LINKS = "acc-links-" + UUID.randomUUID();
    private static final String DNT = "acc-dnt-" + UUID.randomUUID();

    private static IngestGateway gateway;
    private static HttpServer site;
    private static String siteOrigin;
    private static JsonNode report;

    @BeforeAll
    static void driveChromium() throws Exception {
        NodeScript.require(Path.of("/usr/bin/chromium"), "apt-get install -y chromium");
        gateway = IngestGateway.start(Map.of());
        String script = gateway.url("/t.js");
        site = website(
                snippet(script, IngestGateway.keyFor(SHOP), "") + "<title>Shop</title>",
                snippet(script, IngestGateway.keyFor(LINKS), " data-outbound-links data-file-downloads")
                        + "<title>Links</title>" + links(),
                snippet(script, IngestGateway.keyFor(DNT), " data-respect-dnt"));
        siteOrigin = "http://127.0.0.1:" + site.getAddress().getPort();

        report = IngestGateway.parse(NodeScript.run(Duration.ofSeconds(90), "tracker-in-chromium.mjs", siteOrigin));
    }

    @AfterAll
    static void stopAll() {
        if (site != null) {
            site.stop(0);
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void recordsTheLoadTwoSpaNavigationsAndACustomEventInOneSession() {
        List<JsonNode> events = gateway.events(SHOP);

        assertThat(events).extracting(e -> e.get("name").asText())
                .containsExactly("pageview", "pageview", "pageview", "Signup");
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("page", "page", "page", "track");
        assertThat(events.subList(0, 3)).extracting(e -> e.get("url").asText()).containsExactly(
                siteOrigin + "/shop/", siteOrigin + "/shop/pricing", siteOrigin + "/shop/signup");
        assertThat(events.get(3).get("props")).isEqualTo(IngestGateway.parse("{\"plan\":\"pro\"}"));
        assertThat(distinct(events, "sessionId")).hasSize(1);
        assertThat(distinct(events, "anonymousId")).hasSize(1);
        JsonNode first = events.get(0);
        assertThat(first.get("title").asText()).isEqualTo("Shop");
        assertThat(first.get("screen").asText()).matches("\\d+x\\d+");
        assertThat(first.get("language").asText()).isNotBlank();
        assertThat(first.get("userAgent").asText()).contains("Chrome");
        assertThat(first.has("ip")).isFalse();
        assertThat(first.has("userId")).isFalse();
    }

    @Test
    void recordsBackNavigationOutboundLinksDownloadsAndIdentifiedUsers() {
        List<JsonNode> events = gateway.events(LINKS);

        assertThat(events).extracting(e -> e.get("name").asText()).containsExactly("pageview", "pageview",
                "pageview", "Outbound Link: Click", "File Download", "Outbound Link: Click", "Identified", "Left",
                "Returned", "pageview");
        assertThat(events.subList(0, 3)).extracting(e -> e.get("url").asText()).containsExactly(
                siteOrigin + "/links/", siteOrigin + "/links/next", siteOrigin + "/links/");
        assertThat(events.get(3).get("props").get("url").asText()).isEqualTo("https://example.org/partner");
        assertThat(events.get(4).get("props").get("url").asText()).isEqualTo(siteOrigin + "/files/report.pdf");
        assertThat(events.subList(0, 6)).allSatisfy(e -> assertThat(e.has("userId")).isFalse());
        assertThat(events.subList(6, 10)).allSatisfy(e -> assertThat(e.get("userId").asText()).isEqualTo("user-42"));
        assertThat(distinct(events, "anonymousId")).hasSize(1);
        assertThat(distinct(events.subList(0, 8), "sessionId")).hasSize(1);
        assertThat(events.get(8).get("sessionId")).isNotEqualTo(events.get(7).get("sessionId"));
        assertThat(events.get(9).get("sessionId")).isEqualTo(events.get(8).get("sessionId"));
    }

    @Test
    void sendsWithFetchAndWithSendBeaconOnceThePageIsHidden() {
        assertThat(report.at("/links/resourceTypes")).extracting(JsonNode::asText).containsExactly(
                "fetch", "fetch", "fetch", "fetch", "fetch", "fetch", "fetch", "ping", "ping", "fetch");
    }

    @Test
    void sendsNothingWhenDoNotTrackIsRespected() {
        assertThat(report.at("/dnt/requests").asInt()).isZero();
        assertThat(gateway.events(DNT)).isEmpty();
    }

    private static Set<String> distinct(List<JsonNode> events, String field) {
        return events.stream().map(e -> e.get(field).asText()).collect(Collectors.toSet());
    }

    private static String snippet(String script, String key, String attributes) {
        return "<!doctype html><meta charset=utf-8><script defer src=\"" + script + "\" data-api-key=\"" + key
                + "\"" + attributes + "></script>";
    }

    private static String links() {
        String stay = " onclick=\"event.preventDefault()\" onauxclick=\"event.preventDefault()\"";
        return "<a id=outbound href=\"https://example.org/partner\"" + stay + ">Partner</a>"
                + "<a id=download href=\"/files/report.pdf\"" + stay + ">Report</a>"
                + "<a id=internal href=\"/links/about\"" + stay + ">About</a>";
    }

    /** Serves each page under its own path prefix, as a single-page app would: any path below it. */
    private static HttpServer website(String shop, String links, String dnt) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String page = path.startsWith("/shop/") ? shop : path.startsWith("/links/") ? links
                    : path.startsWith("/dnt/") ? dnt : null;
            byte[] body = (page != null ? page : "not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page != null ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
