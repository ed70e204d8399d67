package io.trackingsystem.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Redis Cluster for tests: three primaries with one replica each, Debian's {@code redis-server} on free
 * loopback ports, created with {@code redis-cli --cluster create}. Started once per test JVM on first use and
 * stopped, with its files, when the JVM exits. Each node runs without persistence in a temporary directory.
 */
public final class RedisClusterFixture {

    public static final int PRIMARIES = 3;
    private static final String SERVER = "/usr/bin/redis-server";
    private static final String CLI = "/usr/bin/redis-cli";
    private static final long WAIT_MS = 60_000;

    private static RedisClusterFixture running;

    private final Path dir;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private RedisClusterFixture() throws IOException {
        dir = Files.createTempDirectory("redis-cluster-");
    }

    /** The running cluster, started on first use. */
    public static synchronized RedisClusterFixture get() {
        if (running == null) {
            RedisClusterFixture cluster;
            try {
                cluster = new RedisClusterFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "redis-cluster-stop"));
            try {
                cluster.start();
            } catch (Exception e) {
                cluster.stop();
                throw new IllegalStateException("could not start a Redis Cluster: " + e.getMessage(), e);
            }
            running = cluster;
        }
        return running;
    }

    /** {@code REDIS_CLUSTER_NODES} for the services: every node, as {@code host:port,...}. */
    public String nodes() {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public List<String> nodeList() {
        return ports.stream().map(port -> "127.0.0.1:" + port).toList();
    }

    /** The ports of the current primaries, as the cluster reports them now. */
    public List<Integer> primaries() {
        return roles().stream().filter(node -> node.primary).map(node -> node.port).toList();
    }

    /** The port of a replica of the primary at {@code primaryPort}. */
    public int replicaOf(int primaryPort) {
        List<Node> nodes = roles();
        String id = nodes.stream().filter(node -> node.port == primaryPort).findFirst().orElseThrow().id;
        return nodes.stream().filter(node -> id.equals(node.primaryId)).findFirst().orElseThrow().port;
    }

    /** Runs {@code redis-cli} against one node and returns its answer. */
    public String cli(int port, String... command) {
        List<String> args = new ArrayList<>(List.of(CLI, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        return run(args);
    }

    /** Keys held by the node at {@code port}. */
    public long keysOn(int port) {
        return Long.parseLong(cli(port, "DBSIZE").trim());
    }

    /** Empties every primary (replicas follow) and waits until the replicas have caught up. */
    public void flush() {
        for (int port : primaries()) {
            cli(port, "FLUSHALL");
        }
        awaitReplicasSynced();
    }

    /** Promotes the replica at {@code replicaPort} with a manual failover and waits until it is a primary. */
    public void failover(int replicaPort) {
        String answer = cli(replicaPort, "CLUSTER", "FAILOVER").trim();
        if (!answer.equals("OK")) {
            throw new IllegalStateException("CLUSTER FAILOVER answered " + answer);
        }
        await(() -> roles().stream().anyMatch(node -> node.port == replicaPort && node.primary),
                "replica " + replicaPort + " to become a primary");
        awaitOk();
    }

    private void start() throws Exception {
        for (int i = 0; i < PRIMARIES * 2; i++) {
            int port = RedisFixture.freePort();
            Path nodeDir = Files.createDirectories(dir.resolve(Integer.toString(port)));
            ports.add(port);
            processes.add(new ProcessBuilder(SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no",
                    "--dir", nodeDir.toString(), "--daemonize", "no", "--logfile", "redis.log")
                    .directory(nodeDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(nodeDir.resolve("stdout").toFile()).start());
        }
        for (int port : ports) {
            await(() -> cliQuiet(port, "PING").contains("PONG"), "node " + port + " to answer");
        }
        List<String> create = new ArrayList<>(List.of(CLI, "--cluster", "create"));
        create.addAll(nodeList());
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        run(create);
        awaitOk();
        await(() -> primaries().size() == PRIMARIES && roles().size() == PRIMARIES * 2, "every node to join");
        awaitReplicasSynced();
    }

    private void awaitOk() {
        for (int port : ports) {
            await(() -> cliQuiet(port, "CLUSTER", "INFO").contains("cluster_state:ok"),
                    "cluster_state:ok on " + port);
        }
    }

    private void awaitReplicasSynced() {
        for (Node node : roles()) {
            if (!node.primary) {
                await(() -> {
                    String info = cliQuiet(node.port, "INFO", "replication");
                    return info.contains("master_link_status:up") && !info.contains("master_sync_in_progress:1");
                }, "replica " + node.port + " to sync");
            }
        }
    }

    private List<Node> roles() {
        List<Node> nodes = new ArrayList<>();
        for (String line : cli(ports.get(0), "CLUSTER", "NODES").split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length < 8 || parts[2].contains("fail")) {
                continue;
            }
            int port = Integer.parseInt(parts[1].substring(parts[1].indexOf(':') + 1).split("[@,]")[0]);
            nodes.add(new Node(parts[0], port, parts[2].contains("master"), parts[3]));
        }
        return nodes;
    }

    private record Node(String id, int port, boolean primary, String primaryId) {
    }

    private String cliQuiet(int port, String... command) {
        try {
            return cli(port, command);
        } catch (IllegalStateException e) {
            return "";
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private synchronized void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
