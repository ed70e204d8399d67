package io.trackingsystem.routes.messaging;

import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BroadcastTest {

    private final List<CamelService> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(CamelService::close);
    }

    @Test
    void everyInstanceReceivesABroadcast() throws Exception {
        List<String> first = listener("listener-1", "keys.rotated");
        List<String> second = listener("listener-2", "keys.rotated");
        CamelService sender = CamelService.named("sender", RequestReplyTest.config("sender", 5000)).start();
        running.add(sender);

        sender.context().createProducerTemplate().sendBody("broadcast:keys.rotated", "key-42");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(first).containsExactly("keys.rotated:key-42");
            assertThat(second).containsExactly("keys.rotated:key-42");
        });
    }

    @Test
    void aPatternSubscriptionReceivesEveryMatchingChannelWithItsName() throws Exception {
        List<String> received = listener("live-listener", "live.*");
        CamelService sender = CamelService.named("sender", RequestReplyTest.config("sender", 5000)).start();
        running.add(sender);

        sender.context().createProducerTemplate().sendBody("broadcast:live.tenant-a", "a");
        sender.context().createProducerTemplate().sendBody("broadcast:live.tenant-b", "b");
        sender.context().createProducerTemplate().sendBody("broadcast:other", "ignored");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(received).containsExactlyInAnyOrder("live.tenant-a:a", "live.tenant-b:b"));
    }

    private List<String> listener(String instance, String channel) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CamelService listener = CamelService.named(instance, RequestReplyTest.config(instance, 5000))
                .routes(redis -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("broadcast:" + channel).process(exchange -> received.add(
                                exchange.getMessage().getHeader(Messaging.CHANNEL) + ":"
                                        + exchange.getMessage().getBody(String.class)));
                    }
                });
        running.add(listener.start());
        return received;
    }
}
