package io.trackingsystem.routes.messaging;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestReplyTest {

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
    void answersARequestWithTheHandlersBodyHeadersAndStatus() throws Exception {
        handler("echo", exchange -> {
            exchange.getMessage().setBody("hello " + exchange.getMessage().getBody(String.class)
                    + " from " + exchange.getMessage().getHeader("who"));
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });
        ProducerTemplate caller = caller(5000).context().createProducerTemplate();

        Exchange reply = caller.request("service:echo?operation=echo", exchange -> {
            exchange.getMessage().setBody("world");
            exchange.getMessage().setHeader("who", "test");
        });

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("hello world from test");
        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(reply.getMessage().getHeader("who")).as("request headers do not come back").isNull();
    }

    @Test
    void passesThePrincipalOnlyFromTheExchangePropertyNeverFromAHeader() throws Exception {
        handler("echo", exchange -> exchange.getMessage().setBody(
                String.valueOf(exchange.getMessage().getHeader(Messaging.PRINCIPAL))));
        ProducerTemplate caller = caller(5000).context().createProducerTemplate();

        Exchange spoofed = caller.request("service:echo?operation=echo",
                exchange -> exchange.getMessage().setHeader(Messaging.PRINCIPAL, "victim"));
        Exchange authenticated = caller.request("service:echo?operation=echo",
                exchange -> exchange.setProperty(Messaging.PRINCIPAL, "user-1"));

        assertThat(spoofed.getMessage().getBody(String.class)).isEqualTo("null");
        assertThat(authenticated.getMessage().getBody(String.class)).isEqualTo("user-1");
    }

    @Test
    void twoReplicasShareAThousandRequestsAndNoneIsHandledTwice() throws Exception {
        Map<String, String> handledBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        for (String replica : List.of("replica-a", "replica-b")) {
            handler("work", replica, exchange -> {
                String body = exchange.getMessage().getBody(String.class);
                if (handledBy.putIfAbsent(body, replica) != null) {
                    duplicates.incrementAndGet();
                }
                Thread.sleep(1);
                exchange.getMessage().setBody("done " + body);
            });
        }
        ProducerTemplate caller = caller(20000).context().createProducerTemplate();

        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            replies.add(caller.asyncRequestBody("service:work?operation=echo", "job-" + i));
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("done job-" + i);
        }

        assertThat(handledBy).hasSize(1000);
        assertThat(duplicates).hasValue(0);
        assertThat(Set.copyOf(handledBy.values())).containsExactlyInAnyOrder("replica-a", "replica-b");
    }

    @Test
    void aRequestStillBeingHandledWhenItsIdleTimePassesIsNotTakenUpAgain() throws Exception {
        // The handler's replica takes over requests idle for 2.5 s (half its 5 s timeout), checking that often;
        // this one is handled for 5.5 s and its caller waits 6 s, so a check falls inside its handling.
        AtomicInteger handled = new AtomicInteger();
        handler("slow", exchange -> {
            handled.incrementAndGet();
            Thread.sleep(5500);
            exchange.getMessage().setBody("done");
        });
        ProducerTemplate caller = caller(6000).context().createProducerTemplate();

        assertThat(caller.asyncRequestBody("service:slow?operation=echo", "once").get(10, TimeUnit.SECONDS))
                .isEqualTo("done");
        Thread.sleep(3000);

        assertThat(handled).hasValue(1);
    }

    @Test
    void aRequestSentWhileNoHandlerRunsIsAnsweredOnceOneStarts() throws Exception {
        ProducerTemplate caller = caller(10000).context().createProducerTemplate();
        CompletableFuture<Object> reply = caller.asyncRequestBody("service:late?operation=echo", "early");

        Thread.sleep(1500);
        assertThat(reply).isNotDone();
        handler("late", exchange -> exchange.getMessage().setBody("answered " + exchange.getMessage().getBody()));

        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("answered early");
    }

    @Test
    void aRequestNobodyAnswersBecomesAProblemJson504OverHttp() throws Exception {
        int port = RedisFixture.freePort();
        CamelService gateway = CamelService.named("gateway", config("gateway-" + port, 700))
                .httpPort(port, 1_048_576)
                .routes(redis -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("platform-http:/ask").to("service:nobody?operation=echo");
                    }
                });
        running.add(gateway.start());

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ask"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":504").contains("nobody did not answer within 700 ms");
    }

    @Test
    void carriesAOneMegabytePayloadBothWays() throws Exception {
        handler("big", exchange -> exchange.getMessage().setBody(
                exchange.getMessage().getBody(String.class) + "!"));
        ProducerTemplate caller = caller(10000).context().createProducerTemplate();
        String payload = "x".repeat(1024 * 1024);

        Object reply = caller.requestBody("service:big?operation=echo", payload);

        assertThat(reply).isEqualTo(payload + "!");
    }

    @Test
    void aBurstOfTenThousandConcurrentRequestsLosesNoReply() throws Exception {
        handler("burst", exchange -> exchange.getMessage().setBody("re:" + exchange.getMessage().getBody()));
        ProducerTemplate caller = caller(60000).context().createProducerTemplate();

        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            replies.add(caller.asyncRequestBody("service:burst?operation=echo", Integer.toString(i)));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (int i = 0; i < 10_000; i++) {
            assertThat(replies.get(i).get()).isEqualTo("re:" + i);
        }
    }

    @Test
    void anUnknownOperationIsAProblem404() throws Exception {
        handler("known", exchange -> exchange.getMessage().setBody("ok"));
        ProducerTemplate caller = caller(5000).context().createProducerTemplate();

        Exchange reply = caller.request("service:known?operation=missing", exchange -> { });

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
        assertThat(reply.getMessage().getBody(String.class)).contains("has no operation 'missing'");
    }

    @Test
    void aFailingHandlerAnswersWithItsProblem() throws Exception {
        handler("failing", exchange -> {
            throw io.trackingsystem.routes.problem.ProblemException.conflict("already there");
        });
        ProducerTemplate caller = caller(5000).context().createProducerTemplate();

        Exchange reply = caller.request("service:failing?operation=echo", exchange -> { });

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(409);
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(reply.getMessage().getBody(String.class)).contains("\"detail\":\"already there\"");
    }

    private CamelService caller(long timeoutMillis) throws Exception {
        CamelService caller = CamelService.named("caller", config("caller", timeoutMillis));
        running.add(caller.start());
        return caller;
    }

    private void handler(String service, org.apache.camel.Processor processor) throws Exception {
        handler(service, service + "-replica", processor);
    }

    private void handler(String service, String instance, org.apache.camel.Processor processor) throws Exception {
        CamelService handler = CamelService.named(instance, config(instance, 5000))
                .routes(redis -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("service:" + service + "?operation=echo").process(processor);
                    }
                });
        running.add(handler.start());
    }

    static CommonConfig config(String instance, long timeoutMillis) {
        return CommonConfig.from(Env.of(Map.of(
                "REDIS_URL", RedisFixture.url(),
                "MANAGEMENT_PORT", "0",
                "REQUEST_TIMEOUT_MS", Long.toString(timeoutMillis),
                "INSTANCE_ID", instance)));
    }
}
