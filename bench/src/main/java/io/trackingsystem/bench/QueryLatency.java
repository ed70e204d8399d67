package io.trackingsystem.bench;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.stats.Breakdown;
import io.trackingsystem.tracking.stats.CsvExport;
import io.trackingsystem.tracking.stats.EventList;
import io.trackingsystem.tracking.stats.Funnel;
import io.trackingsystem.tracking.stats.Overview;
import io.trackingsystem.tracking.stats.Retention;
import io.trackingsystem.tracking.stats.StatsRequest;
import io.trackingsystem.tracking.stats.StatsSource;
import io.trackingsystem.tracking.stats.TimeSeries;
import io.trackingsystem.tracking.storage.SiteKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Query latency over the last {@code QUERY_DAYS} (30) UTC days, for every kind of question the dashboard asks
 * ({@link BenchQuery#ALL}): unfiltered and filtered, in UTC and in another zone, funnels, retention, the event
 * list and a breakdown export. Measured twice:
 * <ul>
 *   <li>in process: the tracking-service's own query classes against the same Redis, which is the service's
 *       time to answer ({@code QUERY_WARMUP} then {@code QUERY_ITERATIONS} runs, one after the other);</li>
 *   <li>over HTTP: {@code GET /api/...} with an access token, through the gateway, the request/reply stream and
 *       the tracking-service, which is what the dashboard waits for ({@code HTTP_WARMUP}, {@code HTTP_ITERATIONS}).
 *       Then the dashboard with one filter: its overview, time series and {@link #DASHBOARD_PANELS} breakdowns
 *       requested at once, timed until the last answer.</li>
 * </ul>
 * A query stops repeating once it has run {@code QUERY_BUDGET_SECONDS} (60) and at least 3 times, so a slow path
 * is measured with fewer runs instead of taking the whole benchmark's time.
 * Environment: {@code REDIS_URL}, {@code BASE_URL}, {@code ACCOUNT} (the site), {@code ACCESS_TOKEN},
 * {@code QUERY_LABEL}, {@code QUERY_IN_PROCESS} (1; 0 measures over HTTP only), {@code QUERY_SETTLE_SECONDS} (300: the
 * longest wait for compaction to catch up first).
 */
public final class QueryLatency {

    /** The breakdowns of the dashboard's panels. */
    static final List<String> DASHBOARD_PANELS = List.of("page", "entryPage", "exitPage", "referrer", "browser",
            "os", "device", "eventName");
    private static final String DASHBOARD_FILTER = "filter=page:/pricing";

    private QueryLatency() {
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        String label = env.string("QUERY_LABEL", "data");
        String site = env.string("ACCOUNT", "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(env.integer("QUERY_DAYS", 30) - 1) + "&to=" + today;
        long budget = env.integer("QUERY_BUDGET_SECONDS", 60) * 1_000_000_000L;

        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            awaitCompaction(redis, site, label, env.integer("QUERY_SETTLE_SECONDS", 300));
            if (env.integer("QUERY_IN_PROCESS", 1) == 1) {
                inProcess(redis, env, site, range, label, budget);
            }
        }
        overHttp(env, range, label, budget);
    }

    /**
     * Waits until compaction has folded in everything just seeded (the site is off the compaction queue), as on a
     * site whose history is compacted: otherwise the first minutes of queries rebuild each day as its segments
     * merge, on the same CPUs. Reports how long that took.
     */
    private static void awaitCompaction(Redis redis, String site, String label, int maxSeconds) throws Exception {
        long start = System.nanoTime();
        boolean queued = true;
        while (queued && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
            queued = redis.async().zscore(SiteKeys.COMPACTION_QUEUE, site).get() != null;
            if (queued) {
                Thread.sleep(500);
            }
        }
        Line.result("query_" + label + "_compacted").add("seconds", (System.nanoTime() - start) / 1e9)
                .add("complete", queued ? "no" : "yes").print();
    }

    /** Each query with the tracking-service's own classes, in this JVM. */
    private static void inProcess(Redis redis, Env env, String site, String range, String label, long budget)
            throws Exception {
        try (StatsSource source = StatsSource.open(redis)) {
            Map<String, Function<StatsRequest, Object>> operations = Map.of(
                    "overview", new Overview(source)::answer,
                    "timeseries", new TimeSeries(source)::answer,
                    "breakdown", new Breakdown(source)::answer,
                    "funnel", new Funnel(source)::answer,
                    "retention", new Retention(source)::answer,
                    "events", new EventList(source)::answer,
                    "export", new CsvExport(source)::answer);
            for (BenchQuery query : BenchQuery.ALL) {
                Function<StatsRequest, Object> answer = operations.get(query.operation());
                String parameters = range + "&" + query.parameters();
                Call call = () -> answer.apply(StatsRequest.of(site, parameters));
                long cold = once(call);
                Latencies latencies = time(env.integer("QUERY_WARMUP", 50), env.integer("QUERY_ITERATIONS", 200),
                        budget, call);
                latencies.addTo(Line.result("query_" + label + "_" + query.name())).add("cold_ms", cold / 1e6)
                        .print();
            }
            Overview.Answer overview = new Overview(source).answer(StatsRequest.of(site, range));
            Line.result("query_" + label + "_counts").add("events", overview.events())
                    .add("visitors", overview.visitors()).add("sessions", overview.sessions())
                    .add("pageviews", overview.pageviews()).print();
        }
    }

    /** Each query through the gateway, then the filtered dashboard's requests at once. */
    private static void overHttp(Env env, String range, String label, long budget) throws Exception {
        Http http = new Http(env.string("BASE_URL", "http://localhost:8080"), env.string("ACCESS_TOKEN", ""));
        for (BenchQuery query : BenchQuery.ALL) {
            String path = query.path() + "?" + range + "&" + query.parameters();
            Call call = () -> http.get(path).join();
            long cold = once(call);
            int coldFailed = http.failed();
            Latencies latencies = time(env.integer("HTTP_WARMUP", 20), env.integer("HTTP_ITERATIONS", 100), budget,
                    call);
            latencies.addTo(Line.result("query_http_" + label + "_" + query.name())).add("failed", http.failed())
                    .add("cold_ms", cold / 1e6).add("cold_failed", coldFailed).print();
        }
        List<String> dashboard = new ArrayList<>();
        dashboard.add("/api/stats/overview?" + range + "&" + DASHBOARD_FILTER);
        dashboard.add("/api/stats/timeseries?" + range + "&interval=day&" + DASHBOARD_FILTER);
        DASHBOARD_PANELS.forEach(dimension -> dashboard.add("/api/stats/breakdown?" + range + "&dimension="
                + dimension + "&" + DASHBOARD_FILTER));
        Latencies all = time(env.integer("HTTP_WARMUP", 20) / 4, env.integer("HTTP_ITERATIONS", 100) / 4, budget,
                () -> CompletableFuture.allOf(dashboard.stream().map(http::get).toArray(CompletableFuture[]::new))
                        .join());
        all.addTo(Line.result("query_http_" + label + "_dashboard_filtered")).add("panels", dashboard.size())
                .add("failed", http.failed()).print();
    }

    /**
     * The first run, timed alone: it builds what the engine keeps of the data just seeded, so it is reported apart
     * ({@code cold_ms}) and the warm-up that follows is not cut short by it.
     */
    private static long once(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    /** Warm-up runs stop early once they have used a tenth of the budget: a slow path is measured, not warmed. */
    private static Latencies time(int warmup, int iterations, long budgetNanos, Call call) throws Exception {
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        for (int i = 0; ; i++) {
            long elapsed = System.nanoTime() - started;
            if (latencies.count() >= iterations || (latencies.count() >= 3 && elapsed > budgetNanos)) {
                return latencies;
            }
            boolean warming = i < warmup && elapsed < budgetNanos / 10;
            long start = System.nanoTime();
            call.run();
            if (!warming) {
                latencies.add(System.nanoTime() - start);
            }
        }
    }

    /**
     * The gateway's analytics API with one access token; several requests may be in flight at once. An answer
     * other than 200 is counted as failed (and reported), not thrown: a slow path answers 504, and that is a figure.
     */
    private static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String baseUrl;
        private final String token;
        private final AtomicInteger failed = new AtomicInteger();

        Http(String baseUrl, String token) {
            this.baseUrl = baseUrl;
            this.token = token;
        }

        CompletableFuture<HttpResponse<String>> get(String path) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).GET().build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                    System.err.println(path + " answered " + response.statusCode() + ": " + response.body());
                }
                return response;
            });
        }

        /** Answers other than 200 since the last call. */
        int failed() {
            return failed.getAndSet(0);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }
}
