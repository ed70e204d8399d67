package io.trackingsystem.reliability;

import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TrackingService;
import io.trackingsystem.users.UserService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The product's three services on one Redis, each started either in this JVM or as a process of its own, with the
 * same settings. Tests pick which service runs where: whatever they kill runs as a process.
 */
final class Product implements AutoCloseable {

    final int port = RedisFixture.freePort();
    final Api api = new Api(port);
    private final Map<String, String> env = new HashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();

    private Product(String redisUrl, Map<String, String> settings) {
        env.putAll(Map.of(
                "REDIS_URL", redisUrl,
                "PORT", Integer.toString(port),
                "MANAGEMENT_PORT", "0",
                "BCRYPT_COST", "10",
                "INGEST_RATE_LIMIT_PER_SECOND", "0"));
        // Every test registers from one address, many times a second.
        env.put("REGISTRATIONS_PER_ADDRESS", "100000");
        env.put("PASSWORD_CHECKS_PER_SECOND", "100000");
        env.putAll(settings);
    }

    /** Settings every service of this product gets; {@code settings} win over the test defaults. */
    static Product on(String redisUrl, Map<String, String> settings) {
        return new Product(redisUrl, settings);
    }

    /** All three services in this JVM on an emptied test Redis, with the test defaults. */
    static Product allInProcess() {
        RedisFixture.flush();
        Product product = on(RedisFixture.url(), Map.of());
        product.userService();
        product.trackingService();
        product.gateway();
        return product;
    }

    CamelService gateway() {
        return inProcess(Gateway::create);
    }

    CamelService userService() {
        return inProcess(UserService::create);
    }

    CamelService trackingService() {
        return inProcess(TrackingService::create);
    }

    /** Starts a service's {@code *Main} as a process, with these settings on top of the product's. */
    ServiceProcess process(Class<?> main, Map<String, String> settings) {
        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.putAll(settings);
        ServiceProcess process = ServiceProcess.start(main, processEnv);
        started.add(process);
        return process;
    }

    private CamelService inProcess(Function<Env, CamelService> create) {
        CamelService service = create.apply(Env.of(env));
        started.add(service);
        try {
            return service.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a service", e);
        }
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("could not stop every service", e) : failure;
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
