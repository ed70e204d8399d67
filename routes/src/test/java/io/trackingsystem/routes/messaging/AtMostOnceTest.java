package io.trackingsystem.routes.messaging;

import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.trackingsystem.routes.messaging.RequestReplyTest.config;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas, saturated: each handles two requests at a time, for longer than half the timeout (after which a
 * pending request counts as abandoned and may be claimed), while many more wait. No request may run twice: a
 * refresh run twice looks like token reuse, a key rotation run twice hands out a key already replaced.
 */
class AtMostOnceTest {

    private static final long REPLICA_TIMEOUT_MS = 2000;
    private static final long HANDLING_MS = 1100;
    private static final int REQUESTS = 40;

    private final List<CamelService> running = new ArrayList<>();

    @BeforeEach
    void emptyRedis() {
        RedisFixture.flush();
    }

    @AfterEach
    void stopAll() {
        running.forEach(CamelService::close);
    }

    @Test
    void noRequestRunsTwiceWhenTwoSaturatedReplicasHandleThemSlowerThanHalfTheTimeout() throws Exception {
        Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
        for (String replica : List.of("slow-a", "slow-b")) {
            CamelService service = CamelService.named(replica, config(replica, REPLICA_TIMEOUT_MS))
                    .routes(redis -> new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("service:saturated?operation=work&concurrency=2").process(exchange -> {
                                executions.computeIfAbsent(exchange.getMessage().getBody(String.class),
                                        body -> new AtomicInteger()).incrementAndGet();
                                Thread.sleep(HANDLING_MS);
                                exchange.getMessage().setBody("done");
                            });
                        }
                    });
            running.add(service.start());
        }
        CamelService caller = CamelService.named("caller", config("caller", 12_000));
        running.add(caller.start());
        ProducerTemplate template = caller.context().createProducerTemplate();

        List<CompletableFuture<Exchange>> replies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = "request-" + i;
            replies.add(template.asyncSend("service:saturated?operation=work",
                    exchange -> exchange.getMessage().setBody(body)));
        }
        int answered = 0;
        for (CompletableFuture<Exchange> reply : replies) {
            Exchange exchange = reply.get(30, TimeUnit.SECONDS);
            if (exchange.getException() == null && "done".equals(exchange.getMessage().getBody(String.class))) {
                answered++;
            }
        }
        // Requests still queued when their callers gave up are dropped, not run late; let any stragglers show.
        Thread.sleep(2 * REPLICA_TIMEOUT_MS);

        assertThat(executions.values()).as("executions per request").allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(answered).as("the replicas were kept busy the whole time").isGreaterThanOrEqualTo(REQUESTS / 2);
        assertThat(executions).hasSizeGreaterThanOrEqualTo(answered);
    }
}
