package io.trackingsystem.tracking.ingest;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.contract.IngestStream;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TrackingService;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real tracking-service in this JVM, against the test Redis. */
final class ServiceHarness implements AutoCloseable {

    final CamelService service;

    private ServiceHarness(CamelService service) {
        this.service = service;
    }

    static ServiceHarness start(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", RedisFixture.url(), "MANAGEMENT_PORT", "0"));
        env.putAll(overrides);
        CamelService service = TrackingService.create(Env.of(env));
        service.start();
        return new ServiceHarness(service);
    }

    ProcessingMetrics metrics() {
        return service.context().getRegistry().lookupByNameAndType(IngestRoutes.METRICS, ProcessingMetrics.class);
    }

    /** Entries delivered to the group but not yet acknowledged. */
    long pending() throws Exception {
        var summary = service.redis().async().xpending(IngestStream.KEY, IngestStream.GROUP)
                .get(5, TimeUnit.SECONDS);
        return summary.getCount();
    }

    @Override
    public void close() {
        service.close();
    }
}
