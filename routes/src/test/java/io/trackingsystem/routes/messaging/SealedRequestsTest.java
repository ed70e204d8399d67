package io.trackingsystem.routes.messaging;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.SealingKeyRegistry;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.PersistentRedis;
import io.trackingsystem.routes.testing.PersistentRedis.PersistedFile;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sealed requests on a Redis that writes everything to disk: what reaches its files, and what does not. */
class SealedRequestsTest {

    private static PersistentRedis redis;
    private final List<CamelService> running = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = PersistentRedis.embedded();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void stopAll() {
        running.forEach(CamelService::close);
    }

    @Test
    void aSealedRequestsBodyAndHeadersReachNoFileWhileAnUnsealedOnesDo() throws Exception {
        CamelService service = service("vault", "vault-1", exchange -> exchange.getMessage().setBody(
                "seen " + exchange.getMessage().getBody(String.class) + " " + exchange.getMessage().getHeader("X-Extra")));
        ProducerTemplate caller = caller().context().createProducerTemplate();

        Exchange sealed = caller.request("service:vault?operation=secret&sealed=true", exchange -> {
            exchange.getMessage().setBody("sealed-body-5e1b");
            exchange.getMessage().setHeader("X-Extra", "sealed-header-77c0");
        });
        Exchange clear = caller.request("service:vault?operation=plain", exchange ->
                exchange.getMessage().setBody("clear-body-c3a9"));
        redis.snapshot();

        assertThat(sealed.getMessage().getBody(String.class)).isEqualTo("seen sealed-body-5e1b sealed-header-77c0");
        assertThat(clear.getMessage().getBody(String.class)).startsWith("seen clear-body-c3a9");
        List<PersistedFile> files = redis.files();
        assertThat(files).as("the check sees what reaches the append-only file")
                .anySatisfy(file -> assertThat(file.contains("clear-body-c3a9")).isTrue());
        assertThat(files).allSatisfy(file -> {
            assertThat(file.contains("sealed-body-5e1b")).as(file.name()).isFalse();
            assertThat(file.contains("sealed-header-77c0")).as(file.name()).isFalse();
        });
        assertThat(files).allSatisfy(file -> {
            for (KeyPair pair : service.context().getComponent("service", ServiceComponent.class).keyRing("vault")
                    .pairs()) {
                byte[] secret = pair.getPrivate().getEncoded();
                for (String form : List.of(Base64.getEncoder().encodeToString(secret),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                        HexFormat.of().formatHex(secret), new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    assertThat(file.content()).as("a private key in " + file.name()).doesNotContain(form);
                }
            }
        });
    }

    @Test
    void everyLiveReplicaCanOpenARequestSealedToThemAll() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        service("pair", "pair-1", exchange -> {
            handled.incrementAndGet();
            exchange.getMessage().setBody("one");
        });
        service("pair", "pair-2", exchange -> {
            handled.incrementAndGet();
            exchange.getMessage().setBody("two");
        });
        await().until(() -> redis.query(commands -> commands.hlen(SealingKeyRegistry.of("pair"))) == 2);
        ProducerTemplate caller = caller().context().createProducerTemplate();

        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(caller.requestBody("service:pair?operation=secret&sealed=true", "x"));
        }

        assertThat(answers).containsOnly("one", "two").contains("one", "two");
        assertThat(handled).hasValue(40);
    }

    @Test
    void aSealedOperationRefusesAnUnsealedRequestWithoutRunningIt() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        service("strict", "strict-1", exchange -> handled.incrementAndGet());
        ProducerTemplate caller = caller().context().createProducerTemplate();

        Exchange reply = caller.request("service:strict?operation=secret", exchange ->
                exchange.getMessage().setBody("{\"password\":\"oops\"}"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(reply.getMessage().getBody(String.class)).contains("only sealed");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aSealedRequestToAServiceWithNoReplicaFailsAtOnceWith503() throws Exception {
        ProducerTemplate caller = caller().context().createProducerTemplate();

        long start = System.nanoTime();
        Exchange reply = caller.request("service:absent?operation=secret&sealed=true", exchange ->
                exchange.getMessage().setBody("x"));

        assertThat(reply.getException()).hasMessageContaining("absent cannot be reached");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void aStoppedReplicaWithdrawsItsKeySoCallersSealToTheOthers() throws Exception {
        CamelService first = service("handover", "handover-1", exchange -> exchange.getMessage().setBody("first"));
        service("handover", "handover-2", exchange -> exchange.getMessage().setBody("second"));
        await().until(() -> redis.query(commands -> commands.hlen(SealingKeyRegistry.of("handover"))) == 2);

        first.close();

        long advertised = redis.query(commands -> commands.hlen(SealingKeyRegistry.of("handover")));
        assertThat(advertised).isEqualTo(1);
        ProducerTemplate caller = caller().context().createProducerTemplate();
        assertThat(caller.requestBody("service:handover?operation=secret&sealed=true", "x")).isEqualTo("second");
    }

    @Test
    void aRetiredKeyStillOpensRequestsSealedToItWhileTheNewOneIsAdvertised() throws Exception {
        SealingKeyRing ring;
        try (io.trackingsystem.routes.redis.Redis connection = io.trackingsystem.routes.redis.Redis.connect(redis.url())) {
            ring = new SealingKeyRing(connection, "rotating", java.time.Duration.ZERO);
            ring.advertise();
            String firstId = redis.query(commands -> commands.hkeys(SealingKeyRegistry.of("rotating"))).get(0);

            ring.advertise();

            List<String> advertised = redis.query(commands -> commands.hkeys(SealingKeyRegistry.of("rotating")));
            assertThat(advertised).singleElement().isNotEqualTo(firstId);
            assertThat(ring.keyPair(firstId)).isPresent();
            assertThat(ring.keyPair(advertised.get(0))).isPresent();
        }
    }

    private CamelService service(String name, String instance, org.apache.camel.Processor processor)
            throws Exception {
        CamelService service = CamelService.named(instance, config(instance))
                .routes(connection -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("service:" + name + "?operation=secret&sealed=true").process(processor);
                        from("service:" + name + "?operation=plain").process(processor);
                    }
                });
        running.add(service.start());
        SealingKeyRing ring = service.context().getComponent("service", ServiceComponent.class).keyRing(name);
        await().until(() -> ring.currentId() != null
                && redis.query(commands -> commands.hexists(SealingKeyRegistry.of(name), ring.currentId())));
        return service;
    }

    private CamelService caller() throws Exception {
        CamelService caller = CamelService.named("caller", config("caller"));
        running.add(caller.start());
        return caller;
    }

    private static CommonConfig config(String instance) {
        return CommonConfig.from(Env.of(Map.of("REDIS_URL", redis.url(), "MANAGEMENT_PORT", "0",
                "REQUEST_TIMEOUT_MS", "5000", "INSTANCE_ID", instance)));
    }
}
