package io.trackingsystem.bench;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end processing: posts {@code E2E_EVENTS} events in batches of 100 to {@code POST /api/events} over
 * {@code E2E_CONNECTIONS} keep-alive connections, and times from the first send until every acknowledged event is
 * counted in the account's statistics. Every second it prints what was sent, acknowledged and counted, and the
 * stream's backlog. Answers 429 and 503 are retried after their Retry-After, as a well-behaved client would.
 *
 * <p>It also records what one event costs Redis over the run: CPU time, and calls of each command
 * ({@code INFO commandstats}), written to {@code MIX_FILE} for {@link RedisCeilings}.
 *
 * <p>Environment: {@code BASE_URL}, {@code REDIS_URL}, {@code API_KEY}, {@code ACCOUNT} (the key's account),
 * {@code E2E_EVENTS} (1000000), {@code E2E_CONNECTIONS} (8), {@code E2E_TIMEOUT_SECONDS} (900), {@code MIX_FILE}.
 */
public final class EndToEnd {

    private static final int BATCH = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final Workload workload = new Workload(7, "e2e-", 50_000);
    private final URI endpoint;
    private final String apiKey;
    private final Semaphore inFlight;
    private final int connections;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private EndToEnd(String baseUrl, String apiKey, int connections) {
        this.endpoint = URI.create(baseUrl + "/api/events");
        this.apiKey = apiKey;
        this.connections = connections;
        this.inFlight = new Semaphore(connections);
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        int events = env.integer("E2E_EVENTS", 1_000_000);
        EndToEnd run = new EndToEnd(env.string("BASE_URL", "http://localhost:8080"), env.string("API_KEY", ""),
                env.integer("E2E_CONNECTIONS", 8));
        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            run.measure(redis, env.string("ACCOUNT", ""), events,
                    Duration.ofSeconds(env.integer("E2E_TIMEOUT_SECONDS", 900)),
                    Path.of(env.string("MIX_FILE", "mix.txt")));
        } finally {
            run.retries.shutdownNow();
        }
    }

    private void measure(Redis connection, String account, int events, Duration timeout,
                         Path mixFile) throws Exception {
        RedisClusterAsyncCommands<String, String> redis = connection.async();
        Counted counted = new Counted(connection, account);
        long countedBefore = counted.events();
        double cpuBefore = RedisInfo.cpuSeconds(redis);
        Map<String, RedisInfo.Calls> statsBefore = RedisInfo.commandStats(redis);

        long start = System.nanoTime();
        Thread sender = new Thread(() -> sendAll(events), "e2e-sender");
        sender.start();
        long sendingDone = 0;
        long processed = 0;
        long maxBacklog = 0;
        long nextSample = start;
        while (true) {
            processed = counted.events() - countedBefore;
            if (sendingDone == 0 && !sender.isAlive()) {
                sendingDone = System.nanoTime();
            }
            long t = System.nanoTime();
            if (t >= nextSample) {
                Backlog backlog = Backlog.of(redis);
                maxBacklog = Math.max(maxBacklog, backlog.unprocessed());
                Line.series("e2e").add("t", Math.round((t - start) / 1e9)).add("sent", sent.get())
                        .add("acknowledged", acknowledged.get()).add("processed", processed)
                        .add("pending", backlog.pending()).add("lag", backlog.lag()).print();
                nextSample += 1_000_000_000L;
            }
            if (sendingDone != 0 && processed >= acknowledged.get()) {
                break;
            }
            if (t - start > timeout.toNanos()) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Backlog last = Backlog.of(redis);
        Line.series("e2e").add("t", (long) Math.ceil(seconds)).add("sent", sent.get())
                .add("acknowledged", acknowledged.get()).add("processed", processed)
                .add("pending", last.pending()).add("lag", last.lag()).print();
        double sendSeconds = ((sendingDone == 0 ? System.nanoTime() : sendingDone) - start) / 1e9;
        double redisCpu = RedisInfo.cpuSeconds(redis) - cpuBefore;
        long perEvent = Math.max(1, processed);
        writeMix(mixFile, statsBefore, RedisInfo.commandStats(redis), perEvent);
        Line.result("e2e").add("events", acknowledged.get()).add("processed", processed)
                .add("complete", processed >= acknowledged.get() && sendingDone != 0 ? "yes" : "no")
                .add("seconds", seconds).add("events_per_s", processed / seconds)
                .add("send_seconds", sendSeconds).add("ingest_events_per_s", acknowledged.get() / sendSeconds)
                .add("connections", connections).add("max_backlog", maxBacklog)
                .add("final_backlog", last.unprocessed())
                .add("retried", retried.get()).add("failed", failed.get())
                .add("redis_cpu_us_per_event", redisCpu * 1e6 / perEvent).print();
    }

    private void sendAll(int events) {
        try {
            List<SyntheticEvent> pending = new ArrayList<>();
            for (int batchStart = 0; batchStart < events; batchStart += BATCH) {
                int size = Math.min(BATCH, events - batchStart);
                while (pending.size() < size) {
                    pending.addAll(workload.visit(0));
                }
                StringBuilder body = new StringBuilder(size * 260).append("{\"batch\":[");
                for (int i = 0; i < size; i++) {
                    body.append(i == 0 ? "" : ",").append(pending.get(i).nativeJson());
                }
                pending.subList(0, size).clear();
                inFlight.acquire();
                sent.addAndGet(size);
                send(body.append("]}").toString(), size);
            }
            inFlight.acquire(connections);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(String body, int size) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .header("User-Agent", Workload.AGENTS.get(0))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 202) {
                acknowledged.addAndGet(size);
                inFlight.release();
            } else if (failure == null && (response.statusCode() == 429 || response.statusCode() == 503)) {
                retried.incrementAndGet();
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                retries.schedule(() -> send(body, size), wait, TimeUnit.SECONDS);
            } else {
                failed.addAndGet(size);
                System.err.println("batch failed: " + (failure != null ? failure : "HTTP " + response.statusCode()));
                inFlight.release();
            }
        });
    }

    /** Each command's calls and server time per counted event, one {@code <command> <calls> <usec>} line each. */
    private static void writeMix(Path file, Map<String, RedisInfo.Calls> before, Map<String, RedisInfo.Calls> after,
                                 long events) throws IOException {
        List<String> lines = new ArrayList<>();
        after.forEach((command, total) -> {
            RedisInfo.Calls calls = total.minus(before.get(command));
            if (calls.calls() > 0) {
                lines.add(String.format(Locale.ROOT, "%s %.5f %.3f", command,
                        calls.calls() / (double) events, calls.usec() / (double) events));
            }
        });
        Files.write(file, lines);
    }
}
