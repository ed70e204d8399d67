package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.TrackingService;
import io.trackingsystem.tracking.storage.Snapshot;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The real tracking-service on the test Redis, and a caller that asks it questions over the real messaging layer
 * with the principal set, as the gateway does. Events go in through the ingest stream and the real processing.
 */
final class StatsHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final CamelService service;
    final CamelService caller;
    private final List<CamelService> replicas;
    private final ProducerTemplate template;

    private StatsHarness(CamelService service, List<CamelService> replicas, CamelService caller) {
        this.service = service;
        this.replicas = replicas;
        this.caller = caller;
        this.template = caller.context().createProducerTemplate();
    }

    /** One worker thread, so events are processed in the order they were sent, as a single visitor's would be. */
    static StatsHarness start() throws Exception {
        return start(Map.of());
    }

    static StatsHarness start(Map<String, String> settings) throws Exception {
        return start(settings, 1);
    }

    /** {@code replicas} tracking-services sharing the ingest stream and the queries, as a scaled-out deployment. */
    static StatsHarness start(Map<String, String> settings, int replicas) throws Exception {
        return start(settings, replicas, url -> {
        });
    }

    /** {@code beforeStart} gets the emptied Redis' URL, to write what the services find when they start. */
    static StatsHarness start(Map<String, String> settings, int replicas,
                              java.util.function.Consumer<String> beforeStart) throws Exception {
        RedisFixture.flush();
        beforeStart.accept(RedisFixture.url());
        List<CamelService> services = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", RedisFixture.url(), "MANAGEMENT_PORT", "0",
                    "WORKER_THREADS", "1", "INSTANCE_ID", "tracking-" + i));
            env.putAll(settings);
            services.add(TrackingService.create(Env.of(env)).start());
        }
        CamelService service = services.get(0);
        CommonConfig common = CommonConfig.from(Env.of(Map.of("REDIS_URL", RedisFixture.url(),
                "MANAGEMENT_PORT", "0", "REQUEST_TIMEOUT_MS", "30000")));
        CamelService caller = CamelService.named("stats-caller", common).start();
        return new StatsHarness(service, services, caller);
    }

    /** Sends the events through the ingest stream and waits until all are stored (none may be a duplicate). */
    void feed(String account, List<TestEvents> events) throws Exception {
        send(account, events.stream().map(TestEvents::json).toList(), events.size());
    }

    /** Sends event JSON and waits until {@code newEvents} more are stored (the rest being duplicates). */
    void send(String account, List<String> events, long newEvents) throws Exception {
        long before = Snapshot.storedEvents(service.redis(), account);
        List<RedisFuture<String>> sent = new ArrayList<>();
        for (String event : events) {
            sent.add(service.redis().async().xadd(IngestStream.KEY,
                    Map.of(IngestStream.SITE, account, IngestStream.EVENT, event)));
            if (sent.size() == 2000) {
                LettuceFutures.awaitAll(Duration.ofSeconds(30), sent.toArray(RedisFuture[]::new));
                sent.clear();
            }
        }
        LettuceFutures.awaitAll(Duration.ofSeconds(30), sent.toArray(RedisFuture[]::new));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Snapshot.storedEvents(service.redis(), account) >= before + newEvents);
    }

    /** Asks {@code operation} for {@code account} with a query string. */
    Reply ask(String operation, String account, String query) {
        Exchange exchange = template.send("service:tracking-service?operation=" + operation, ex -> {
            if (account != null) {
                ex.setProperty(Messaging.PRINCIPAL, account);
            }
            ex.getMessage().setBody(query);
        });
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return new Reply(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class),
                exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class),
                exchange.getMessage().getBody(String.class));
    }

    /** The JSON answer of a query that must succeed. */
    JsonNode answer(String operation, String account, String query) {
        Reply reply = ask(operation, account, query);
        if (reply.status() != 200) {
            throw new AssertionError(operation + "?" + query + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    @Override
    public void close() {
        caller.close();
        replicas.forEach(CamelService::close);
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
