package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.reliability.HostileRequests.HostileRequest;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated hostile requests against every public endpoint, then clients that drip bodies, flood
 * headers and mangle request lines over raw sockets. No answer may be a 5xx, the product must still serve normal
 * requests afterwards, and neither the heap of the JVM running the services nor Redis may have grown beyond what
 * the accepted data explains. Set {@code -Dfuzz.seed=<n>} to replay a run; the seed is logged.
 */
class HostileInputTest {

    private static final Logger LOG = LoggerFactory.getLogger(HostileInputTest.class);
    private static final int REQUESTS = 10_000;
    private static final int TEN_MEGABYTE_BODIES = 4;
    private static final int CLIENTS = 6;
    /** Generous: heap fluctuates with caches the JIT and Vert.x warm up, but a leak per request would exceed it. */
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    private static final long REDIS_GROWTH_BOUND = 8L * 1024 * 1024;

    private static final AtomicInteger retried = new AtomicInteger();

    private static Product product;
    private static Account account;

    @BeforeAll
    static void start() {
        product = Product.allInProcess();
        account = product.api.register();
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void tenThousandHostileRequestsGetNo5xxAndLeaveMemoryBounded() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        LOG.info("Hostile input seed: {} (replay with -Dfuzz.seed={})", seed, seed);
        List<HostileRequest> requests = new HostileRequests(seed, account).generate(REQUESTS, TEN_MEGABYTE_BODIES);
        LOG.info("{} requests carrying {} MB of bodies", requests.size(), requests.stream()
                .mapToLong(request -> request.body() == null ? 0 : request.body().length).sum() / (1024 * 1024));
        Memory before = Memory.sample(RedisFixture.url());

        List<Outcome> outcomes = sendAll(requests);

        Memory after = Memory.sample(RedisFixture.url());
        Map<Integer, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        LOG.info("Hostile input answers by status: {}; {} asked again after a closed connection", byStatus,
                retried.get());
        LOG.info("Memory before {} after {}; largest keys: {}", before, after,
                Memory.largestKeys(RedisFixture.url(), 8));
        assertThat(outcomes).hasSize(REQUESTS);
        assertThat(outcomes).as("seed " + seed + ": answers 5xx, or no answer for a body within the limits")
                .filteredOn(outcome -> outcome.status() >= 500
                        || outcome.status() == 0 && outcome.request().body().length <= 1_048_576)
                .isEmpty();
        assertStillServing();
        assertThat(after.heapBytes() - before.heapBytes()).as("heap growth").isLessThan(HEAP_GROWTH_BOUND);
        assertThat(after.redisBytes() - before.redisBytes()).as("Redis growth; largest keys: "
                + Memory.largestKeys(RedisFixture.url(), 5)).isLessThan(REDIS_GROWTH_BOUND);
    }

    @Test
    void slowDripsHeaderFloodsAndMangledRequestLinesGetNo5xx() throws Exception {
        Account dripper = product.api.register();
        List<RawHttp> drips = new ArrayList<>();
        String body = "{\"eventName\":\"pageview\",\"page\":\"/drip\"}";
        for (int i = 0; i < 50; i++) {
            RawHttp drip = new RawHttp(product.port);
            drip.write("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                    + dripper.apiKey() + "\r\nContent-Length: " + body.length() + "\r\n\r\n");
            drips.add(drip);
        }
        for (int i = 0; i < body.length(); i++) {
            for (RawHttp drip : drips) {
                drip.write(body.substring(i, i + 1));
            }
            assertThat(product.api.get("/api/me", dripper.accessToken()).took())
                    .as("others are served while bodies drip").isLessThan(Duration.ofSeconds(1));
        }
        assertThat(drips).allSatisfy(drip -> assertThat(drip.status()).isEqualTo(202));
        drips.forEach(RawHttp::close);

        Map<String, Integer> answers = new TreeMap<>();
        answers.put("10,000 headers", rawStatus("GET /api/me HTTP/1.1\r\nHost: x\r\n"
                + "X-Flood: y\r\n".repeat(10_000) + "\r\n"));
        answers.put("one 100 KB header", rawStatus("GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "z".repeat(100_000) + "\r\n\r\n"));
        answers.put("100 KB request line", rawStatus("GET /api/stats/overview?from=" + "1".repeat(100_000)
                + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        answers.put("malformed escapes", rawStatus("GET /api/stats/overview?from=%zz&to=%C3%28&tz=%"
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + dripper.accessToken() + "\r\n\r\n"));
        answers.put("garbage request line", rawStatus("\u0001\u0002 NOT HTTP\r\n\r\n"));
        answers.put("content-length lies", rawStatus("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: -5"
                + "\r\n\r\n{}"));
        answers.put("two content lengths", rawStatus("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                + "Content-Length: 40\r\n\r\n{}"));
        answers.put("bad chunking", rawStatus("POST /api/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked"
                + "\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
        LOG.info("Raw socket answers: {}", answers);

        assertThat(answers).allSatisfy((attack, status) -> assertThat(status).as(attack).isNotEqualTo(-1)
                .isLessThan(500));
        assertStillServing();
    }

    private static int rawStatus(String request) {
        try (RawHttp raw = new RawHttp(product.port)) {
            raw.write(request);
            return raw.status();
        }
    }

    /** A new client is still served in full: registration, sign-in, ingest, a query. */
    private static void assertStillServing() {
        Account newcomer = product.api.register();
        assertThat(product.api.login(newcomer.email()).status()).isEqualTo(200);
        assertThat(product.api.ingest(newcomer.apiKey(), List.of("{\"eventName\":\"after\"}")).status())
                .isEqualTo(202);
        assertThat(product.api.get("/api/stats/overview", newcomer.accessToken()).status()).isEqualTo(200);
    }

    private static List<Outcome> sendAll(List<HostileRequest> requests) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (HostileRequest request : requests) {
                sent.add(clients.submit(() -> outcomes.add(Outcome.of(request, send(request)))));
            }
            for (Future<?> each : sent) {
                each.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        return outcomes;
    }

    /**
     * Sends one request; an answer lost to a connection the server had closed after refusing an earlier request
     * (Vert.x closes after 414 and 431 without saying so) is asked again once, on a new connection.
     */
    private static Response send(HostileRequest request) {
        Response response = sendOnce(request);
        if (response.status() == 0 && response.body().contains("received no bytes")) {
            retried.incrementAndGet();
            response = sendOnce(request);
        }
        return response;
    }

    private static Response sendOnce(HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(product.api.uri(request.path()))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return request.path().startsWith("/api/live") ? product.api.sendForHead(builder) : product.api.send(builder);
    }

    /** How a request was answered, with the start of the answer to tell why. */
    private record Outcome(HostileRequest request, int status, String answer) {

        static Outcome of(HostileRequest request, Response response) {
            String body = response.body();
            return new Outcome(request, response.status(), body.length() > 200 ? body.substring(0, 200) : body);
        }
    }
}
