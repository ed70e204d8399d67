package io.trackingsystem.launcher;

import io.trackingsystem.gateway.Gateway;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.tracking.TrackingService;
import io.trackingsystem.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole product in one JVM: each service in its own Camel context, talking to the others only through
 * Redis, as they do in production. Starts an embedded Redis unless {@code REDIS_URL} or {@code REDIS_CLUSTER_NODES}
 * is set.
 */
public final class Launcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final List<AutoCloseable> parts = new ArrayList<>();
    private EmbeddedRedis embeddedRedis;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        Launcher launcher = new Launcher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "launcher-shutdown"));
        try {
            launcher.start(Env.system());
        } catch (Exception e) {
            LOG.error("Tracking System could not start", e);
            launcher.close();
            System.exit(1);
        }
        launcher.stopped.await();
    }

    /** Starts everything; {@code env} is the process environment, or a test's. */
    public void start(Env env) throws Exception {
        Env effective = env;
        if (env.optional("REDIS_URL").isEmpty() && env.optional("REDIS_CLUSTER_NODES").isEmpty()) {
            embeddedRedis = EmbeddedRedis.start(Path.of(env.string("DATA_DIR", "data")));
            parts.add(embeddedRedis);
            effective = env.with("REDIS_URL", embeddedRedis.url());
            LOG.info("No REDIS_URL given: started an embedded Redis at {}", embeddedRedis.url());
        }
        int management = effective.integer("MANAGEMENT_PORT", 9876);
        start(UserService.create(managementPort(effective, management, 1)));
        start(TrackingService.create(managementPort(effective, management, 2)));
        start(Gateway.create(effective));
        LOG.info("Tracking System is running at http://localhost:{}/", effective.integer("PORT", 8080));
    }

    /** The port of the embedded Redis, when one was started. */
    public Optional<Integer> redisPort() {
        return Optional.ofNullable(embeddedRedis).map(EmbeddedRedis::port);
    }

    /** The services share one host, so each gets its own management port next to the gateway's. */
    private static Env managementPort(Env env, int base, int offset) {
        return env.with("MANAGEMENT_PORT", base > 0 ? base + offset : 0);
    }

    private void start(CamelService service) throws Exception {
        parts.add(service);
        service.start();
    }

    @Override
    public synchronized void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}: {}", parts.get(i), e.toString());
            }
        }
        parts.clear();
        stopped.countDown();
    }
}
