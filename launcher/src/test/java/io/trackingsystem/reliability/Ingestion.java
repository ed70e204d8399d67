package io.trackingsystem.reliability;

import io.trackingsystem.reliability.Api.Response;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends numbered page views through the native API from several threads, and remembers which numbers the gateway
 * acknowledged with a 2xx and how every request was answered. Each event carries its number as the property
 * {@code seq} and a unique {@code messageId}, so the stored events can be matched one by one.
 */
final class Ingestion implements AutoCloseable {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final Pattern SEQ = Pattern.compile("seq\\W+s(\\d+)");

    private final Api api;
    private final String apiKey;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

    /** How one request was answered. */
    record Answer(long atMillis, int status, Duration took, String retryAfter, int events) {
    }

    Ingestion(Api api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    /**
     * Sends {@code count} more events in batches from {@code senders} threads, each batch retried after its
     * {@code Retry-After} until acknowledged. Returns at once; the future completes when all are acknowledged.
     */
    Future<?> sendAll(int count, int batchSize, int senders) {
        int first = next.getAndAdd(count);
        AtomicInteger cursor = new AtomicInteger(first);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            workers.add(threads.submit(() -> {
                int from;
                while ((from = cursor.getAndAdd(batchSize)) < first + count && !stopped.get()) {
                    List<Integer> batch = numbers(from, Math.min(first + count, from + batchSize));
                    while (!send(batch) && !stopped.get()) {
                        pause(Duration.ofMillis(200));
                    }
                }
            }));
        }
        return threads.submit(() -> {
            for (Future<?> worker : workers) {
                worker.get();
            }
            return null;
        });
    }

    /** Sends new batches from {@code senders} threads until {@link #stop()}, never retrying one. */
    void sendContinuously(int batchSize, int senders) {
        for (int i = 0; i < senders; i++) {
            threads.submit(() -> {
                while (!stopped.get()) {
                    int from = next.getAndAdd(batchSize);
                    if (!send(numbers(from, from + batchSize))) {
                        pause(Duration.ofMillis(20));
                    }
                }
            });
        }
    }

    void stop() throws InterruptedException {
        stopped.set(true);
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("senders did not stop");
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** How many times each number occurs among the account's stored events, from its CSV export. */
    static Map<Integer, Integer> stored(Api api, Api.Account account) {
        Api.Response export = api.get("/api/export?dataset=events&" + Api.RECENT, account.accessToken());
        if (export.status() != 200) {
            throw new AssertionError("the export answered " + export.status() + ": " + export.body());
        }
        return occurrences(export.body());
    }

    /** How many times each number occurs in an events CSV export. */
    static Map<Integer, Integer> occurrences(String csv) {
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher matcher = SEQ.matcher(csv);
        while (matcher.find()) {
            counts.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
        }
        return counts;
    }

    /** Sends one batch; true when it was acknowledged. */
    private boolean send(List<Integer> numbers) {
        List<String> events = new ArrayList<>(numbers.size());
        long now = System.currentTimeMillis();
        for (int seq : numbers) {
            events.add("{\"eventName\":\"pageview\",\"page\":\"https://shop.example/p/" + seq % 50
                    + "\",\"anonymousId\":\"v-" + seq % 5000 + "\",\"messageId\":\"" + run + "-" + seq
                    + "\",\"eventTime\":" + (now - seq % 1_800_000) + ",\"context\":{\"seq\":\"s" + seq + "\"}}");
        }
        Response response = api.send(HttpRequest.newBuilder(api.uri("/api/events"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"batch\":[" + String.join(",", events) + "]}")));
        answers.add(new Answer(System.currentTimeMillis(), response.status(), response.took(),
                response.header("Retry-After"), numbers.size()));
        boolean success = response.status() >= 200 && response.status() < 300;
        if (success) {
            acknowledged.addAll(numbers);
        } else if (response.header("Retry-After") != null) {
            pause(Duration.ofMillis(Math.min(1000, 1000 * Long.parseLong(response.header("Retry-After")))));
        }
        return success;
    }

    private static List<Integer> numbers(int from, int to) {
        List<Integer> numbers = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopped.get()) {
            stop();
        }
    }
}
