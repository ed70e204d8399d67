package io.trackingsystem.routes.runtime;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.messaging.BroadcastComponent;
import io.trackingsystem.routes.messaging.ServiceComponent;
import io.trackingsystem.routes.problem.ProblemHandling;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.redis.RedisHealthCheck;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * One service: its own Camel context, Redis connection, messaging components, problem handling, health checks and
 * metrics. The same class runs a service in its own container or side by side with the others in the launcher.
 */
public final class CamelService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CamelService.class);

    private final String name;
    private final CommonConfig config;
    private int httpPort = -1;
    private long maxBodySize = 1_048_576;
    private int httpWorkers = 64;
    private final List<Function<Redis, RoutesBuilder>> routes = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Redis redis;
    private Main main;

    private CamelService(String name, CommonConfig config) {
        this.name = name;
        this.config = config;
    }

    public static CamelService named(String name, CommonConfig config) {
        return new CamelService(name, config);
    }

    /** Serves platform-http routes on this port; without it the service has no public HTTP server. */
    public CamelService httpPort(int port, long maxBodySize) {
        this.httpPort = port;
        this.maxBodySize = maxBodySize;
        return this;
    }

    /**
     * Threads that run platform-http routes. The consumer runs each exchange on a Vert.x worker thread and holds
     * it until the route completes, also while an asynchronous step waits for Redis, so this bounds the requests
     * in flight. Vert.x' default of 20 capped ingest at 20 / (Redis round trip).
     */
    public CamelService httpWorkers(int threads) {
        this.httpWorkers = threads;
        return this;
    }

    /** Adds routes built once Redis is connected. */
    public CamelService routes(Function<Redis, RoutesBuilder> builder) {
        routes.add(builder);
        return this;
    }

    /** Closes this together with the service, after Camel has stopped. */
    public CamelService closeOnStop(AutoCloseable closeable) {
        closeables.add(closeable);
        return this;
    }

    public CamelService start() throws Exception {
        redis = Redis.connect(config.redis());
        main = new Main();
        main.configure().withName(name);
        main.bind(ServiceComponent.SCHEME, new ServiceComponent(redis, config));
        main.bind(BroadcastComponent.SCHEME, new BroadcastComponent(redis));
        main.bind("redis", redis);
        main.bind("redisHealthCheck", new RedisHealthCheck(redis));
        main.configure().addRoutesBuilder(new ProblemHandling());
        for (Function<Redis, RoutesBuilder> builder : routes) {
            main.configure().addRoutesBuilder(builder.apply(redis));
        }
        if (httpPort >= 0) {
            main.configure().httpServer().withEnabled(true).withPort(httpPort).withMaxBodySize(maxBodySize);
            main.bind("platform-http-engine", new PublicHttpEngine(httpPort));
            main.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(httpWorkers));
        }
        if (config.managementPort() > 0) {
            main.configure().httpManagementServer().withEnabled(true).withPort(config.managementPort())
                    .withHealthCheckEnabled(true).withMetricsEnabled(true).withInfoEnabled(false);
            main.configure().metrics().withEnabled(true).withEnableRoutePolicy(true);
            // Per-route timers stay; the per-exchange notifier searched every meter on each exchange.
            main.addInitialProperty("camel.metrics.enableExchangeEventNotifier", "false");
        }
        main.configure().health().withEnabled(true);
        main.start();
        LOG.info("{} started (instance {})", name, config.instanceId());
        return this;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public Redis redis() {
        return redis;
    }

    /** Starts, then blocks until the JVM is asked to stop. For a service's own {@code main}. */
    public void run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-shutdown"));
        start();
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (main == null) {
            return;
        }
        try {
            main.stop();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", name, e.toString());
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("{} could not close {}: {}", name, closeable, e.toString());
            }
        }
        redis.close();
        main = null;
        stopped.countDown();
        LOG.info("{} stopped", name);
    }
}
