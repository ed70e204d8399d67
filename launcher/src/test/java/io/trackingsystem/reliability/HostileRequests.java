package io.trackingsystem.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests to every public endpoint from a seed: the right paths with wrong methods, credentials both
 * valid and forged, query strings of nonsense and the bodies of {@link HostileBodies}. Valid credentials are mixed
 * in so that hostile input reaches the validators behind authentication, not only the door.
 */
final class HostileRequests {

    /** A request to send, and what it was meant to provoke. */
    record HostileRequest(String kind, String method, String path, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            return kind + " " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
                    + " (" + (body == null ? 0 : body.length) + " bytes)";
        }
    }

    private static final List<String> WRITE_PATHS = List.of("/api/auth/register", "/api/auth/login",
            "/api/auth/refresh", "/api/auth/logout", "/api/me", "/api/me/api-key", "/api/events", "/v1/track",
            "/v1/page", "/v1/screen", "/v1/identify", "/v1/group", "/v1/alias", "/v1/batch", "/v1/unknown");
    private static final List<String> READ_PATHS = List.of("/api/me", "/api/stats/overview", "/api/stats/timeseries",
            "/api/stats/breakdown", "/api/stats/realtime", "/api/stats/funnel", "/api/stats/retention", "/api/events",
            "/api/export", "/api/live", "/t.js", "/", "/index.html", "/assets/x.js", "/dashboard/deep/link",
            "/api/nothing", "/v1", "/favicon.ico", "/%2e%2e/%2e%2e/etc/passwd", "/api/../../etc/passwd");
    private static final List<String> PARAMETERS = List.of("from", "to", "tz", "filter", "dimension", "interval",
            "limit", "cursor", "step", "window", "dataset", "format", "eventName", "visitorId", "access_token",
            "period", "compare");
    private static final List<String> VALUES = List.of("", "2024-01-01", "1970-01-01", "9999-12-31",
            "2024-02-30", "+999999999-01-01", "-999999999-01-01", "-1", "0", "99999999999", "Europe/Paris",
            "Nowhere/Special", "+99:00", "page:/",
            "page:", ":", "browser:Firefox", "colour:red", "property:", "property:" + "k".repeat(60), "hour",
            "minute", "events", "pages", "secrets", "csv", "xml", "pageview:/", "event:", "\u0000", "\u00c3(",
            "'; DROP TABLE users; --", "<script>", "../../", "1e400", "null", "[]", "a".repeat(3000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
            "application/json; charset=utf-16", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/xml", "", "application/json; charset=nonsense");

    private final Random random;
    private final HostileBodies bodies;
    private final Api.Account account;

    HostileRequests(long seed, Api.Account account) {
        this.random = new Random(seed);
        this.bodies = new HostileBodies(random);
        this.account = account;
    }

    /** {@code count} requests, of which {@code tenMegabyteBodies} carry 10 MB. */
    List<HostileRequest> generate(int count, int tenMegabyteBodies) {
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < tenMegabyteBodies; i++) {
            requests.add(write("10 MB body", HostileBodies.oversize(HostileBodies.TEN_MEGABYTES)));
        }
        while (requests.size() < count) {
            requests.add(next());
        }
        return requests;
    }

    private HostileRequest next() {
        return switch (random.nextInt(12)) {
            case 0, 1 -> write("wrong types", utf8(bodies.wrongTypes()));
            case 2 -> write("wrong batch", utf8(bodies.wrongBatch()));
            case 3 -> write("broken JSON", utf8(bodies.broken()));
            case 4 -> write("bad timestamp", utf8(bodies.badTimestamp()));
            case 5 -> write("invalid UTF-8", bodies.invalidUtf8());
            case 6 -> write("noise", bodies.noise());
            case 7 -> write("deep nesting", utf8(bodies.deep(random.nextInt(10) == 0 ? 10_000 : 1_000
                    + random.nextInt(2_000))));
            case 8 -> write("huge string", utf8(bodies.hugeString(random.nextInt(4) == 0
                    ? 600_000 + random.nextInt(400_000) : 30_000 + random.nextInt(70_000))));
            case 9, 10 -> read();
            default -> anyMethod();
        };
    }

    private HostileRequest write(String kind, byte[] body) {
        String path = pick(WRITE_PATHS);
        String method = path.equals("/api/me") ? "PATCH" : "POST";
        return new HostileRequest(kind, method, path, headers(true), body);
    }

    private HostileRequest read() {
        return new HostileRequest("query", "GET", pick(READ_PATHS) + queryString(), headers(false), null);
    }

    private HostileRequest anyMethod() {
        List<String> paths = random.nextBoolean() ? WRITE_PATHS : READ_PATHS;
        String method = pick(METHODS);
        byte[] body = method.equals("GET") || method.equals("HEAD") ? null : utf8(bodies.wrongTypes());
        return new HostileRequest("any method", method, pick(paths) + queryString(), headers(body != null), body);
    }

    private String queryString() {
        StringBuilder query = new StringBuilder();
        int parameters = random.nextInt(6) == 0 ? 40 : random.nextInt(6);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? "?" : "&").append(pick(PARAMETERS)).append('=')
                    .append(URLEncoder.encode(pick(VALUES), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private Map<String, String> headers(boolean withBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (random.nextInt(6)) {
            case 0 -> headers.put("Authorization", "Bearer " + account.accessToken());
            case 1 -> headers.put("Authorization", pick(List.of("Bearer ", "Bearer x.y.z", "Basic !!!",
                    "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                    "Bearer " + "e".repeat(5000), "Negotiate abc")));
            case 2 -> headers.put("X-API-Key", account.apiKey());
            case 3 -> headers.put("X-API-Key", pick(List.of("", "tsk_", "tsk_" + "z".repeat(4000), "tsk_?#%\"<>")));
            default -> {
                // no credentials at all
            }
        }
        if (withBody) {
            headers.put("Content-Type", pick(CONTENT_TYPES));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Forwarded-For", pick(List.of("1.2.3.4", "::1, 10.0.0.1", "not-an-ip", ", , ,",
                    "999.999.999.999", "1.1.1.1, ".repeat(200))));
        }
        if (random.nextInt(4) == 0) {
            headers.put("User-Agent", pick(List.of("", "Googlebot/2.1", "curl/8", "u".repeat(4000),
                    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0")));
        }
        if (random.nextInt(8) == 0) {
            headers.put("principal", account.id());
            headers.put("Origin", "https://evil.example");
        }
        return headers;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
