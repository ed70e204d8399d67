package io.trackingsystem.routes.config;

import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.redis.RedisTarget;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Settings every service shares.
 *
 * @param redis            {@code REDIS_URL} (default {@code redis://localhost:6379}), or a cluster: {@link RedisTarget}
 * @param managementPort   {@code MANAGEMENT_PORT}, default 9876: health and metrics; 0 turns the server off
 * @param requestTimeout   {@code REQUEST_TIMEOUT_MS}, default 5000: how long a caller waits for a service's reply
 * @param requestStreamMax {@code REQUEST_STREAM_MAX_LENGTH}, default 100000: bound on each request stream
 * @param instanceId       {@code INSTANCE_ID}, default a random id: names this replica's consumer and reply channel
 * @param ingestPartitions {@code INGEST_PARTITIONS}, default 1, at most 64: streams the ingest is spread over
 *                         ({@link IngestStream}); the gateway and the tracking-service must agree
 */
public record CommonConfig(RedisTarget redis, int managementPort, Duration requestTimeout, long requestStreamMax,
                           String instanceId, int ingestPartitions) {

    public CommonConfig {
        if (ingestPartitions < 1 || ingestPartitions > IngestStream.MAX_PARTITIONS) {
            throw new IllegalArgumentException("INGEST_PARTITIONS must be between 1 and "
                    + IngestStream.MAX_PARTITIONS + ", got " + ingestPartitions);
        }
    }

    /** Every ingest partition's stream. */
    public List<String> ingestStreams() {
        return IngestStream.partitions(ingestPartitions);
    }

    public static CommonConfig from(Env env) {
        return new CommonConfig(
                RedisTarget.from(env),
                env.integer("MANAGEMENT_PORT", 9876),
                env.millis("REQUEST_TIMEOUT_MS", 5000),
                env.number("REQUEST_STREAM_MAX_LENGTH", 100_000),
                env.string("INSTANCE_ID", UUID.randomUUID().toString().substring(0, 8)),
                env.integer("INGEST_PARTITIONS", 1));
    }
}
