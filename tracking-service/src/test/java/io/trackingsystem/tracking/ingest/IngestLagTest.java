package io.trackingsystem.tracking.ingest;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IngestLagTest {

    private static final List<String> PARTITIONS = IngestStream.partitions(3);

    private static Redis redis;
    private static RedisClusterCommands<String, String> sync;

    @BeforeAll
    static void connect() {
        redis = Redis.connect(RedisFixture.url());
        sync = redis.dedicated().sync();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void eachPartitionShowsWhatThisServicesGroupHasNotProcessed() throws Exception {
        RedisFixture.flush();
        String busy = PARTITIONS.get(1);
        for (String partition : PARTITIONS.subList(0, 2)) {
            sync.xgroupCreate(XReadArgs.StreamOffset.from(partition, "0"), IngestStream.GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        }
        for (int i = 1; i <= 5; i++) {
            sync.xadd(busy, new XAddArgs().id(i * 1000 + "-0"),
                    Map.of(IngestStream.SITE, "s", IngestStream.EVENT, "{}"));
        }
        sync.xgroupCreate(XReadArgs.StreamOffset.from(busy, "0"), "another-reader");
        IngestLag lag = new IngestLag(redis, PARTITIONS);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        lag.bind(registry);

        assertThat(sampled(lag, registry)).as("nothing read yet; the partition without a stream is 0")
                .containsExactly(0.0, 5.0, 0.0);

        Consumer<String> consumer = Consumer.from(IngestStream.GROUP, "reader");
        List<StreamMessage<String, String>> read = sync.xreadgroup(consumer, XReadArgs.Builder.count(5),
                XReadArgs.StreamOffset.lastConsumed(busy));
        assertThat(sampled(lag, registry)).as("delivered, not acknowledged").containsExactly(0.0, 5.0, 0.0);

        sync.xack(busy, IngestStream.GROUP, read.subList(0, 3).stream().map(StreamMessage::getId)
                .toArray(String[]::new));
        assertThat(sampled(lag, registry)).containsExactly(0.0, 2.0, 0.0);

        sync.xack(busy, IngestStream.GROUP, read.subList(3, 5).stream().map(StreamMessage::getId)
                .toArray(String[]::new));
        assertThat(sampled(lag, registry)).as("another group's backlog is not ours").containsExactly(0.0, 0.0, 0.0);
    }

    private static List<Double> sampled(IngestLag lag, SimpleMeterRegistry registry) throws Exception {
        lag.sample().get(5, TimeUnit.SECONDS);
        return PARTITIONS.stream().map(partition -> registry.get(IngestLag.METRIC).tag("partition", partition)
                .gauge().value()).toList();
    }
}
