package io.trackingsystem.bench;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis ceilings, from {@code redis-benchmark} against the same server, pipelined ({@code -P}) so that the
 * network costs as little as it can:
 * <ul>
 *   <li>{@code XADD} of an ingest entry of {@code PAYLOAD_BYTES}, trimmed as the gateway trims: the most events per
 *       second any ingest path could append;</li>
 *   <li>the commands one event costs: for each command in {@code MIX_FILE} (calls per event measured during the
 *       end-to-end run, see {@link EndToEnd}), its throughput alone; the mix ceiling is
 *       1 / Σ(calls per event / throughput), the events per second Redis could take if the same commands came bare,
 *       one key or member each. Script wrappers (EVALSHA) are left out, since the commands they run are counted
 *       on their own; commands without a template here are listed as not modelled.</li>
 * </ul>
 * Benchmark keys live under {@code bench:ceiling:} and are deleted afterwards.
 *
 * <p>Environment: {@code REDIS_URL}, {@code PAYLOAD_BYTES} (400), {@code MIX_FILE}, {@code REDIS_BENCHMARK_REQUESTS}
 * (200000), {@code REDIS_BENCHMARK_CLIENTS} (50), {@code REDIS_BENCHMARK_PIPELINE} (16), {@code REDIS_BENCHMARK_RUNS} (3).
 */
public final class RedisCeilings {

    private static final String PREFIX = "bench:ceiling:";
    private static final List<String> WRAPPERS = List.of("evalsha", "eval", "evalsha_ro", "eval_ro", "fcall",
            "script|load");
    /** One invocation per command; __rand_int__ is replaced by redis-benchmark (-r). */
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("zincrby", "ZINCRBY bench:ceiling:z 1 m__rand_int__"),
            Map.entry("zadd", "ZADD bench:ceiling:z2 __rand_int__ m__rand_int__"),
            Map.entry("zscore", "ZSCORE bench:ceiling:z m__rand_int__"),
            Map.entry("zcard", "ZCARD bench:ceiling:z"),
            Map.entry("zrem", "ZREM bench:ceiling:z2 m__rand_int__"),
            Map.entry("zremrangebyscore", "ZREMRANGEBYSCORE bench:ceiling:z2 0 10"),
            Map.entry("pfadd", "PFADD bench:ceiling:u m__rand_int__"),
            Map.entry("hincrby", "HINCRBY bench:ceiling:h f__rand_int__ 1"),
            Map.entry("hset", "HSET bench:ceiling:h f__rand_int__ 1"),
            Map.entry("hsetnx", "HSETNX bench:ceiling:h f__rand_int__ 1"),
            Map.entry("hget", "HGET bench:ceiling:h f__rand_int__"),
            Map.entry("hmget", "HMGET bench:ceiling:h f__rand_int__"),
            Map.entry("hexists", "HEXISTS bench:ceiling:h f__rand_int__"),
            Map.entry("hdel", "HDEL bench:ceiling:h f__rand_int__"),
            Map.entry("sadd", "SADD bench:ceiling:s m__rand_int__"),
            Map.entry("sismember", "SISMEMBER bench:ceiling:s m__rand_int__"),
            Map.entry("scard", "SCARD bench:ceiling:s"),
            Map.entry("pexpire", "PEXPIRE bench:ceiling:z 86400000"),
            Map.entry("pexpireat", "PEXPIREAT bench:ceiling:z 4102444800000"),
            Map.entry("expire", "EXPIRE bench:ceiling:z 86400"),
            Map.entry("expireat", "EXPIREAT bench:ceiling:z 4102444800"),
            Map.entry("exists", "EXISTS bench:ceiling:z"),
            Map.entry("type", "TYPE bench:ceiling:z"),
            Map.entry("incr", "INCR bench:ceiling:n"),
            Map.entry("incrby", "INCRBY bench:ceiling:n 2"),
            Map.entry("get", "GET bench:ceiling:k"),
            Map.entry("set", "SET bench:ceiling:k 1"),
            Map.entry("publish", "PUBLISH bench:ceiling:channel 1"));

    private final Env env;
    private final URI redisUri;

    private RedisCeilings(Env env) {
        this.env = env;
        this.redisUri = URI.create(env.string("REDIS_URL", "redis://localhost:6379"));
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        RedisCeilings ceilings = new RedisCeilings(env);
        try (Redis redis = Redis.connect(env.string("REDIS_URL", "redis://localhost:6379"))) {
            try {
                ceilings.xadd();
                var mix = env.optional("MIX_FILE").map(Path::of).filter(Files::exists);
                if (mix.isPresent()) {
                    ceilings.mix(redis.async(), Files.readAllLines(mix.get()));
                }
            } finally {
                deleteBenchmarkKeys(redis.async());
            }
        }
    }

    private void xadd() throws Exception {
        int payload = env.integer("PAYLOAD_BYTES", 400);
        String command = "XADD " + PREFIX + "xadd MAXLEN ~ 1000000 * a 00000000-0000-0000-0000-000000000000 e "
                + "x".repeat(payload);
        double[] figures = benchmark(command, env.integer("REDIS_BENCHMARK_REQUESTS", 200_000));
        Line.result("redis_xadd").add("rps", figures[0]).add("p50_ms", figures[1]).add("payload_bytes", payload)
                .add("clients", clients()).add("pipeline", pipeline())
                .add("runs", env.integer("REDIS_BENCHMARK_RUNS", 3)).print();
    }

    private void mix(RedisClusterAsyncCommands<String, String> redis, List<String> lines) throws Exception {
        prepareKeys(redis);
        int requests = env.integer("REDIS_BENCHMARK_REQUESTS", 200_000) / 2;
        double secondsPerEvent = 0;
        double modelled = 0;
        double unmodelled = 0;
        List<String> missing = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            String command = parts[0];
            double callsPerEvent = Double.parseDouble(parts[1]);
            double usecPerEvent = Double.parseDouble(parts[2]);
            if (WRAPPERS.contains(command)) {
                Line.result("redis_mix_" + command.replace('|', '_')).add("calls_per_event", callsPerEvent)
                        .add("server_us_per_event", usecPerEvent).add("modelled", "script").print();
                continue;
            }
            String template = command.equals("xadd") ? null : TEMPLATES.get(command);
            double rps;
            if (command.equals("xadd")) {
                rps = benchmark("XADD " + PREFIX + "x MAXLEN ~ 100000 * e "
                        + "x".repeat(env.integer("PAYLOAD_BYTES", 400)), requests)[0];
            } else if (template != null) {
                rps = benchmark(template, requests)[0];
            } else {
                unmodelled += callsPerEvent;
                missing.add(command);
                Line.result("redis_mix_" + command.replace('|', '_')).add("calls_per_event", callsPerEvent)
                        .add("server_us_per_event", usecPerEvent).add("modelled", "no").print();
                continue;
            }
            modelled += callsPerEvent;
            secondsPerEvent += callsPerEvent / rps;
            Line.result("redis_mix_" + command.replace('|', '_')).add("calls_per_event", callsPerEvent)
                    .add("server_us_per_event", usecPerEvent).add("rps", rps).add("modelled", "yes").print();
        }
        Line.result("redis_mix").add("ceiling_events_per_s", secondsPerEvent == 0 ? 0 : 1 / secondsPerEvent)
                .add("modelled_calls_per_event", modelled).add("unmodelled_calls_per_event", unmodelled)
                .add("unmodelled", missing.isEmpty() ? "none" : String.join(",", missing)).print();
    }

    /** Keys the read and expire templates work on exist, with members like the ones they ask for. */
    private static void prepareKeys(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        for (int i = 0; i < 1000; i++) {
            redis.zadd(PREFIX + "z", i, "m" + i);
            redis.zadd(PREFIX + "z2", i, "m" + i);
            redis.hset(PREFIX + "h", "f" + i, "1");
            redis.sadd(PREFIX + "s", "m" + i);
            redis.pfadd(PREFIX + "u", "m" + i);
        }
        redis.set(PREFIX + "k", "1").get();
    }

    private static void deleteBenchmarkKeys(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        redis.del(PREFIX + "xadd", PREFIX + "x", PREFIX + "z", PREFIX + "z2", PREFIX + "u", PREFIX + "h",
                PREFIX + "s", PREFIX + "n", PREFIX + "k").get();
    }

    /**
     * Runs redis-benchmark on one command {@code REDIS_BENCHMARK_RUNS} times (3) and keeps the fastest run, the one
     * the machine's other work disturbed least: its requests per second and median latency in ms.
     */
    private double[] benchmark(String command, int requests) throws IOException, InterruptedException {
        double[] best = {0, 0};
        for (int run = 0; run < env.integer("REDIS_BENCHMARK_RUNS", 3); run++) {
            double[] figures = benchmarkOnce(command, requests);
            if (figures[0] > best[0]) {
                best = figures;
            }
        }
        return best;
    }

    private double[] benchmarkOnce(String command, int requests) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("redis-benchmark", "-h", redisUri.getHost(),
                "-p", String.valueOf(redisUri.getPort() > 0 ? redisUri.getPort() : 6379),
                "-n", String.valueOf(requests), "-c", String.valueOf(clients()), "-P", String.valueOf(pipeline()),
                "-r", "100000", "--csv"));
        String userInfo = redisUri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            arguments.addAll(List.of("-a", colon < 0 ? userInfo : userInfo.substring(colon + 1)));
            if (colon > 0) {
                arguments.addAll(List.of("--user", userInfo.substring(0, colon)));
            }
        }
        arguments.addAll(List.of(command.split(" ")));
        Process process = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("redis-benchmark failed on " + command.split(" ")[0] + ": " + output);
        }
        return csvFigures(output);
    }

    /** Requests per second and p50 latency from redis-benchmark's {@code --csv} output. */
    static double[] csvFigures(String output) {
        String[] lines = output.strip().split("\r?\n");
        String[] fields = lines[lines.length - 1].split("\",\"");
        int columns = lines[0].split("\",\"").length;
        int offset = fields.length - columns;
        return new double[]{Double.parseDouble(unquote(fields[offset + 1])), Double.parseDouble(unquote(fields[offset + 4]))};
    }

    private static String unquote(String field) {
        return field.replace("\"", "");
    }

    private int clients() {
        return env.integer("REDIS_BENCHMARK_CLIENTS", 50);
    }

    private int pipeline() {
        return env.integer("REDIS_BENCHMARK_PIPELINE", 16);
    }
}
