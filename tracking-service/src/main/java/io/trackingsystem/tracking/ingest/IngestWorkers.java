package io.trackingsystem.tracking.ingest;

import io.lettuce.core.Consumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.legacy.LegacyMigration;
import io.trackingsystem.tracking.pipeline.Pipeline;
import io.trackingsystem.tracking.pipeline.UserAgents;
import io.trackingsystem.tracking.storage.Compactor;
import io.trackingsystem.tracking.storage.EventStore;
import io.trackingsystem.tracking.storage.VisitorSalts;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The replica's ingest workers, started and stopped with its Camel context: {@code WORKER_THREADS} readers for
 * each ingest partition, each a consumer of the partition's group named {@code <INSTANCE_ID>-<n>}. Every replica
 * reads every partition, and replicas share each partition's entries through its group, so no assignment of
 * partitions to replicas is needed and a replica that stops leaves no partition unread. A partition is one
 * stream, so a blocking read never spans two cluster slots.
 */
final class IngestWorkers extends ServiceSupport implements CamelContextAware {

    private final Redis redis;
    private final TrackingConfig config;
    private final ProcessingMetrics metrics;
    private final List<IngestWorker> workers = new ArrayList<>();
    private CompactionWorker compaction;
    private CamelContext context;

    IngestWorkers(Redis redis, TrackingConfig config, ProcessingMetrics metrics) {
        this.redis = redis;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    protected void doStart() throws Exception {
        MeterRegistry registry = context == null ? null : context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry != null) {
            metrics.bind(registry);
            new IngestLag(redis, config.common().ingestStreams()).bind(registry);
        }
        new LegacyMigration(redis, config.retention()).run();
        Pipeline pipeline = Pipeline.standard(config.retention().toMillis(),
                new UserAgents(config.userAgentCache()), new VisitorSalts(redis));
        BatchProcessor processor = new BatchProcessor(pipeline, new EventStore(redis, config),
                new LivePublisher(redis), metrics);
        for (String stream : config.common().ingestStreams()) {
            for (int i = 0; i < config.workers(); i++) {
                Consumer<String> consumer = Consumer.from(IngestStream.GROUP,
                        config.common().instanceId() + "-" + i);
                Redelivery redelivery = i == 0 ? new Redelivery(config, processor, metrics, consumer, stream) : null;
                IngestWorker worker = new IngestWorker(redis, config, processor, redelivery, consumer, stream);
                workers.add(worker);
                worker.start();
            }
        }
        compaction = new CompactionWorker(new Compactor(redis, config.retention(), config.compactionDelay(),
                config.common().instanceId(), Clock.systemUTC()), metrics);
        compaction.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        for (IngestWorker worker : workers) {
            worker.stop();
        }
        workers.clear();
        if (compaction != null) {
            compaction.stop();
        }
    }
}
