package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Account;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Events at a fixed rate, in batches sent {@value #TICKS_PER_SECOND} times a second without waiting for answers,
 * as many independent browsers and servers would send them, plus a dashboard asking for its overview and a
 * breakdown every few seconds. Records every answer's status and latency.
 */
final class SteadyLoad implements AutoCloseable {

    private static final int TICKS_PER_SECOND = 20;
    private static final Duration QUERY_EVERY = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Api api;
    private final Account account;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<Long> ingestMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> queryMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    private SteadyLoad(Api api, Account account) {
        this.api = api;
        this.account = account;
    }

    static SteadyLoad start(Api api, Account account, int eventsPerSecond) {
        SteadyLoad load = new SteadyLoad(api, account);
        int perTick = Math.max(1, eventsPerSecond / TICKS_PER_SECOND);
        load.ticks.scheduleAtFixedRate(() -> load.sendBatch(perTick), 0, 1000 / TICKS_PER_SECOND,
                TimeUnit.MILLISECONDS);
        load.ticks.scheduleAtFixedRate(load::queryDashboard, 1, QUERY_EVERY.toSeconds(), TimeUnit.SECONDS);
        return load;
    }

    /**
     * The most events per second the product takes in and processes: {@code duration} of ingest as fast as four
     * senders go, divided by the time until the tracking-service has processed all of it.
     */
    static int measureMaximum(Api api, Account account, Duration duration) throws Exception {
        long start = System.currentTimeMillis();
        try (Ingestion flood = new Ingestion(api, account.apiKey())) {
            flood.sendContinuously(200, 4);
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            flood.stop();
            long sent = flood.acknowledgedCount();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.countedEvents(account) >= sent);
            return (int) (sent * 1000 / (System.currentTimeMillis() - start));
        }
    }

    long accepted() {
        return accepted.get();
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    long ingestLatency(int percentile) {
        return percentile(ingestMillis, percentile);
    }

    long queryLatency(int percentile) {
        return percentile(queryMillis, percentile);
    }

    private void sendBatch(int events) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        long now = System.currentTimeMillis();
        for (int i = 0; i < events; i++) {
            int n = sequence.incrementAndGet();
            batch.append(i > 0 ? "," : "").append("{\"eventName\":\"").append(n % 10 == 0 ? "signup" : "pageview")
                    .append("\",\"page\":\"https://shop.example/p/").append(n % 200).append("\",\"anonymousId\":\"v-")
                    .append(n % 20_000).append("\",\"referrer\":\"https://www.google.com/\",\"eventTime\":")
                    .append(now).append('}');
        }
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        http.sendAsync(HttpRequest.newBuilder(api.uri("/api/events")).header("Content-Type", "application/json")
                        .header("X-API-Key", account.apiKey()).header("User-Agent", Ingestion.BROWSER)
                        .POST(HttpRequest.BodyPublishers.ofString(batch.append("]}").toString())).build(),
                HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    int status = failure == null ? response.statusCode() : 0;
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    ingestMillis.add((System.nanoTime() - start) / 1_000_000);
                    if (status == 202) {
                        accepted.addAndGet(events);
                    }
                    inFlight.decrementAndGet();
                });
    }

    private void queryDashboard() {
        for (String path : List.of("/api/stats/overview?" + Api.RECENT,
                "/api/stats/breakdown?dimension=page&" + Api.RECENT)) {
            Api.Response response = api.get(path, account.accessToken());
            statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
            queryMillis.add(response.took().toMillis());
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
    }

    /** Stops sending, and returns once every request sent has been answered. */
    @Override
    public void close() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight.get() == 0);
    }
}
