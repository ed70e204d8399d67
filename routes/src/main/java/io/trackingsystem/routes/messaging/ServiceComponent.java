package io.trackingsystem.routes.messaging;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Request/reply between services over Redis: {@code to("service:user-service?operation=login")} asks,
 * {@code from("service:user-service?operation=login")} answers.
 *
 * <p>Requests travel on one Redis Stream per service, read through a consumer group named after the service.
 * Replies travel on a pub/sub channel owned by the calling instance.
 */
public final class ServiceComponent extends DefaultComponent {

    public static final String SCHEME = "service";

    private final Redis redis;
    private final CommonConfig config;
    private final Map<String, RequestWorker> workers = new HashMap<>();
    private final Map<String, Presence> presences = new ConcurrentHashMap<>();
    private final Map<String, SealingKeyDirectory> sealingKeys = new ConcurrentHashMap<>();
    private Replies replies;
    private ExecutorService executor;

    public ServiceComponent(Redis redis, CommonConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ServiceEndpoint endpoint = new ServiceEndpoint(uri, this, remaining);
        endpoint.setTimeout(config.requestTimeout().toMillis());
        setProperties(endpoint, parameters);
        if (endpoint.getOperation() == null || endpoint.getOperation().isBlank()) {
            throw new IllegalArgumentException("service endpoint " + uri + " needs an operation");
        }
        return endpoint;
    }

    Redis redis() {
        return redis;
    }

    long streamMaxLength() {
        return config.requestStreamMax();
    }

    /** Whether {@code service} has a live instance; shared by this context's callers and answerers of it. */
    Presence presence(String service) {
        return presences.computeIfAbsent(service, name -> new Presence(redis.async(), name));
    }

    /** The keys that {@code service}'s live replicas open sealed requests with. */
    SealingKeyDirectory sealingKeys(String service) {
        return sealingKeys.computeIfAbsent(service, name -> new SealingKeyDirectory(redis.async(), name));
    }

    /** This instance's own keys for opening requests to {@code service}, while it answers any; for tests. */
    synchronized SealingKeyRing keyRing(String service) {
        return workers.get(service).keys();
    }

    synchronized Replies replies() {
        if (replies == null) {
            replies = new Replies(redis, config.instanceId());
        }
        return replies;
    }

    synchronized void register(String service, String operation, ServiceConsumer consumer, int concurrency) {
        RequestWorker worker = workers.get(service);
        if (worker == null) {
            if (executor == null) {
                executor = getCamelContext().getExecutorServiceManager()
                        .newThreadPool(this, "service-requests", concurrency, concurrency);
            }
            Duration claimIdle = Duration.ofMillis(Math.max(1000, config.requestTimeout().toMillis() / 2));
            worker = new RequestWorker(service, config.instanceId(), redis, presence(service), getCamelContext(),
                    executor, concurrency * 4, claimIdle);
            worker.register(operation, consumer);
            workers.put(service, worker);
            worker.start();
        } else {
            worker.register(operation, consumer);
        }
    }

    synchronized void unregister(String service, String operation) throws InterruptedException {
        RequestWorker worker = workers.get(service);
        if (worker != null) {
            worker.unregister(operation);
            if (worker.idle()) {
                workers.remove(service);
                worker.stop();
            }
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        for (RequestWorker worker : workers.values()) {
            worker.stop();
        }
        workers.clear();
        if (replies != null) {
            replies.close();
            replies = null;
        }
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }
}
