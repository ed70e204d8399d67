package io.trackingsystem.tracking.ingest;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessage;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.tracking.TrackingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes over entries of one ingest partition that stayed pending longer than the claim idle time: those of a consumer that died, and
 * those whose processing failed. An entry already delivered {@code MAX_DELIVERY_ATTEMPTS} times is a poison
 * entry: it moves to the dead-letter stream with its fields, its attempts and its original id, and is counted.
 * Claiming resets an entry's idle time, so two replicas never take over the same entry at once.
 */
final class Redelivery {

    private static final Logger LOG = LoggerFactory.getLogger(Redelivery.class);

    private final TrackingConfig config;
    private final BatchProcessor processor;
    private final ProcessingMetrics metrics;
    private final Consumer<String> consumer;
    private final String stream;
    private final String deadLetters;

    Redelivery(TrackingConfig config, BatchProcessor processor, ProcessingMetrics metrics, Consumer<String> consumer,
               String stream) {
        this.stream = stream;
        this.deadLetters = IngestStream.deadLetters(stream);
        this.config = config;
        this.processor = processor;
        this.metrics = metrics;
        this.consumer = consumer;
    }

    /** Reclaims until no entry is left idle; returns how many entries were taken over. */
    int run(RedisClusterCommands<String, String> redis) {
        int total = 0;
        while (true) {
            List<PendingMessage> idle = redis.xpending(stream,
                    XPendingArgs.Builder.<String>xpending(IngestStream.GROUP, Range.create("-", "+"),
                            Limit.from(config.batchSize())).idle(config.claimIdle()));
            if (idle.isEmpty()) {
                return total;
            }
            Map<String, Long> attempts = new LinkedHashMap<>();
            idle.forEach(p -> attempts.put(p.getId(), p.getRedeliveryCount()));
            List<StreamMessage<String, String>> claimed = redis.xclaim(stream, consumer,
                    XClaimArgs.Builder.minIdleTime(config.claimIdle()), attempts.keySet().toArray(String[]::new));
            List<StreamMessage<String, String>> retry = new ArrayList<>();
            List<String> done = new ArrayList<>();
            Set<String> present = new HashSet<>();
            for (StreamMessage<String, String> entry : claimed) {
                if (entry == null || entry.getId() == null) {
                    continue;
                }
                present.add(entry.getId());
                if (attempts.getOrDefault(entry.getId(), 0L) >= config.maxDeliveryAttempts()) {
                    deadLetter(redis, entry, attempts.get(entry.getId()));
                    done.add(entry.getId());
                } else {
                    retry.add(entry);
                }
            }
            // entries trimmed from the stream while pending cannot be processed any more; release them
            attempts.keySet().stream().filter(id -> !present.contains(id)).forEach(done::add);
            metrics.reclaimed(claimed.size());
            done.addAll(processor.process(retry));
            if (!done.isEmpty()) {
                redis.xack(stream, IngestStream.GROUP, done.toArray(String[]::new));
            }
            total += claimed.size();
            if (idle.size() < config.batchSize()) {
                return total;
            }
        }
    }

    private void deadLetter(RedisClusterCommands<String, String> redis, StreamMessage<String, String> entry, long attempts) {
        Map<String, String> fields = new LinkedHashMap<>(entry.getBody() == null ? Map.of() : entry.getBody());
        fields.put("id", entry.getId());
        fields.put("attempts", Long.toString(attempts));
        fields.put("at", Long.toString(System.currentTimeMillis()));
        redis.xadd(deadLetters,
                XAddArgs.Builder.maxlen(config.deadLetterMaxLength()).approximateTrimming(), fields);
        metrics.deadLettered(1);
        LOG.warn("Entry {} failed {} times and was moved to {}", entry.getId(), attempts, deadLetters);
    }
}
