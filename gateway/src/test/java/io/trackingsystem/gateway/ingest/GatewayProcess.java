package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.GatewayMain;
import io.trackingsystem.routes.testing.RedisFixture;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A gateway in a JVM of its own, with a heap of a given size, started from this test's class path. */
final class GatewayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    private final int managementPort;
    private final int jmxPort;
    private final Process process;
    final Path log;

    private GatewayProcess(int port, int managementPort, int jmxPort, Process process, Path log) {
        this.port = port;
        this.managementPort = managementPort;
        this.jmxPort = jmxPort;
        this.process = process;
        this.log = log;
    }

    static GatewayProcess start(int heapMegabytes, Map<String, String> env) throws IOException {
        int port = RedisFixture.freePort();
        int managementPort = RedisFixture.freePort();
        int jmxPort = RedisFixture.freePort();
        Path log = Files.createTempFile("gateway-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-cp", System.getProperty("java.class.path"), GatewayMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT",
                String.valueOf(managementPort), "REDIS_URL", RedisFixture.url()));
        GatewayProcess gateway = new GatewayProcess(port, managementPort, jmxPort, builder.start(), log);
        await("gateway ready, log in " + log).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("the gateway exited: " + Files.readString(log));
                    }
                    return gateway.isReady();
                });
        return gateway;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private boolean isReady() {
        try {
            return management("/observe/health/ready").statusCode() == 200;
        } catch (UncheckedIOException notYetListening) {
            return false;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * Runs {@code work} and answers the most heap the gateway held meanwhile, garbage included: the sum of its
     * heap pools' peaks, which is at least the peak of their sum.
     */
    long peakHeapBytesDuring(Callable<?> work) throws Exception {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            List<MemoryPoolMXBean> heap = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)
                    .stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            work.call();
            return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }
    }

    private HttpResponse<String> management(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
