package io.trackingsystem.bench;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.stats.Breakdown;
import io.trackingsystem.tracking.stats.Overview;
import io.trackingsystem.tracking.stats.StatsRequest;
import io.trackingsystem.tracking.stats.StatsSource;
import io.trackingsystem.tracking.stats.TimeSeries;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Query latency over the last {@code QUERY_DAYS} (30) UTC days, for the dashboard's three main questions: the
 * overview, a daily time series and the top pages. Measured twice:
 * <ul>
 *   <li>in process: the tracking-service's own query classes against the same Redis, which is the service's
 *       time to answer ({@code QUERY_WARMUP} then {@code QUERY_ITERATIONS} runs, one after the other);</li>
 *   <li>over HTTP: {@code GET /api/stats/...} with an access token, through the gateway, the request/reply
 *       stream and the tracking-service, which is what the dashboard waits for ({@code HTTP_WARMUP},
 *       {@code HTTP_ITERATIONS}).</li>
 * </ul>
 * Environment: {@code REDIS_URL}, {@code BASE_URL}, {@code ACCOUNT}, {@code ACCESS_TOKEN}, {@code QUERY_LABEL}.
 */
public final class QueryLatency {

    private QueryLatency() {
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        String label = env.string("QUERY_LABEL", "data");
        String account = env.string("ACCOUNT", "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(env.integer("QUERY_DAYS", 30) - 1) + "&to=" + today;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("overview", range);
        queries.put("timeseries", range + "&interval=day");
        queries.put("breakdown", range + "&dimension=page");

        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"));
             StatsSource source = StatsSource.open(redis)) {
            Map<String, Function<StatsRequest, Object>> inProcess = Map.of(
                    "overview", new Overview(source)::answer,
                    "timeseries", new TimeSeries(source)::answer,
                    "breakdown", new Breakdown(source)::answer);
            for (Map.Entry<String, String> query : queries.entrySet()) {
                Function<StatsRequest, Object> answer = inProcess.get(query.getKey());
                Latencies latencies = time(env.integer("QUERY_WARMUP", 50), env.integer("QUERY_ITERATIONS", 200),
                        () -> answer.apply(StatsRequest.of(account, query.getValue())));
                latencies.addTo(Line.result("query_" + label + "_" + query.getKey())).print();
            }
            Overview.Answer overview = new Overview(source).answer(StatsRequest.of(account, range));
            Line.result("query_" + label + "_counts").add("events", overview.events())
                    .add("visitors", overview.visitors()).add("sessions", overview.sessions())
                    .add("pageviews", overview.pageviews()).print();
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = env.string("ACCESS_TOKEN", "");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(env.string("BASE_URL", "http://localhost:8080")
                            + "/api/stats/" + query.getKey() + "?" + query.getValue()))
                    .header("Authorization", "Bearer " + token).GET().build();
            Latencies latencies = time(env.integer("HTTP_WARMUP", 20), env.integer("HTTP_ITERATIONS", 100), () -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(query.getKey() + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response;
            });
            latencies.addTo(Line.result("query_http_" + label + "_" + query.getKey())).print();
        }
    }

    private static Latencies time(int warmup, int iterations, Call call) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < warmup + iterations; i++) {
            long start = System.nanoTime();
            call.run();
            if (i >= warmup) {
                latencies.add(System.nanoTime() - start);
            }
        }
        return latencies;
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }
}
