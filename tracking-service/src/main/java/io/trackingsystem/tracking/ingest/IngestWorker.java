package io.trackingsystem.tracking.ingest;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.storage.Utf8Arguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * One reader of one ingest partition's stream: reads a batch through the consumer group, processes it, and acknowledges
 * only what was written (or deliberately dropped). The worker that owns {@link Redelivery} also takes over idle
 * pending entries, every half claim-idle time.
 */
final class IngestWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final Redis redis;
    private final TrackingConfig config;
    private final BatchProcessor processor;
    private final Redelivery redelivery;
    private final Consumer<String> consumer;
    private final String stream;
    private volatile boolean running = true;
    private Thread thread;

    IngestWorker(Redis redis, TrackingConfig config, BatchProcessor processor, Redelivery redelivery,
                 Consumer<String> consumer, String stream) {
        this.redis = redis;
        this.stream = stream;
        this.config = config;
        this.processor = processor;
        this.redelivery = redelivery;
        this.consumer = consumer;
    }

    void start() {
        thread = new Thread(this, "ingest-" + stream + "-" + consumer.getName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Finishes the batch in hand, then stops; nothing in flight is lost, since unacknowledged entries stay pending. */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    @Override
    public void run() {
        try (Redis.Dedicated connection = redis.dedicated()) {
            RedisClusterCommands<String, String> commands = connection.sync();
            long nextReclaim = 0;
            boolean grouped = false;
            while (running) {
                try {
                    if (!grouped) {
                        createGroup(commands);
                        grouped = true;
                    }
                    if (redelivery != null && System.currentTimeMillis() >= nextReclaim) {
                        redelivery.run(commands);
                        nextReclaim = System.currentTimeMillis() + config.claimIdle().toMillis() / 2;
                    }
                    if (readBatch(commands)) {
                        linger();
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warn("Reading {} failed, retrying: {}", stream, e.toString());
                        pause();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Ingest worker {} stopped", consumer.getName(), e);
        }
    }

    /** Reads and processes one batch; true when it was not full, so the stream had no more waiting. */
    private boolean readBatch(RedisClusterCommands<String, String> commands) {
        List<StreamMessage<String, String>> entries = commands.xreadgroup(consumer,
                XReadArgs.Builder.block(BLOCK).count(config.batchSize()),
                XReadArgs.StreamOffset.lastConsumed(stream));
        if (entries.isEmpty()) {
            return false;
        }
        List<String> done = processor.process(entries);
        if (!done.isEmpty()) {
            acknowledge(done);
        }
        return entries.size() < config.batchSize();
    }

    /**
     * Lets a trickle of events gather before the next read: each batch costs a few round trips and one script
     * call whatever its size, so under load bigger batches are cheaper per event. Adds at most the linger time to
     * how soon an event is counted.
     */
    private void linger() {
        sleep(config.linger().toMillis());
    }

    /**
     * Acknowledges on the shared connection without waiting, so the next read starts at once. An acknowledgement
     * that gets lost leaves its entries pending: they are redelivered later and recognised as duplicates.
     */
    private void acknowledge(List<String> done) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(stream)
                .add(IngestStream.GROUP);
        redis.async().dispatch(CommandType.XACK, new IntegerOutput<>(StringCodec.UTF8),
                        Utf8Arguments.values(args, done.toArray(String[]::new)))
                .whenComplete((count, failure) -> {
                    if (failure != null) {
                        LOG.warn("Acknowledging {} entries failed, they will be redelivered: {}", done.size(),
                                failure.toString());
                    }
                });
    }

    /** Creates the group at the start of the stream, so events sent before the service first ran are processed. */
    private void createGroup(RedisClusterCommands<String, String> commands) {
        try {
            commands.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), IngestStream.GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private static void pause() {
        sleep(500);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
