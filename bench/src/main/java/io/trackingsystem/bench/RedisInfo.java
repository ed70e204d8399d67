package io.trackingsystem.bench;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures from Redis {@code INFO}: CPU time, memory, and per-command call counts and time. */
final class RedisInfo {

    /** Calls of one command and the microseconds Redis spent in them (for EVALSHA, including the script's calls). */
    record Calls(long calls, long usec) {
        Calls minus(Calls before) {
            return before == null ? this : new Calls(calls - before.calls, usec - before.usec);
        }
    }

    private RedisInfo() {
    }

    /** User plus system CPU seconds of the server's main process. */
    static double cpuSeconds(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        Map<String, String> cpu = fields(redis.info("cpu").get());
        return Double.parseDouble(cpu.get("used_cpu_user")) + Double.parseDouble(cpu.get("used_cpu_sys"));
    }

    static long usedMemory(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        return Long.parseLong(fields(redis.info("memory").get()).get("used_memory"));
    }

    /** {@code MEMORY USAGE <key> SAMPLES 0}: the key's exact size in bytes, 0 when it does not exist. */
    static RedisFuture<Long> memoryUsageAsync(RedisClusterAsyncCommands<String, String> redis, String key) {
        return redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(key).add("SAMPLES").add(0));
    }

    static long memoryUsage(RedisClusterAsyncCommands<String, String> redis, String key) throws Exception {
        Long bytes = memoryUsageAsync(redis, key).get();
        return bytes == null ? 0 : bytes;
    }

    /** {@code INFO commandstats} by command name ({@code zincrby}, {@code xinfo|groups}). */
    static Map<String, Calls> commandStats(RedisClusterAsyncCommands<String, String> redis) throws Exception {
        return commandStats(redis.info("commandstats").get());
    }

    static Map<String, Calls> commandStats(String info) {
        Map<String, Calls> stats = new LinkedHashMap<>();
        fields(info).forEach((name, value) -> {
            if (name.startsWith("cmdstat_")) {
                long calls = 0;
                long usec = 0;
                for (String pair : value.split(",")) {
                    String[] parts = pair.split("=", 2);
                    if (parts[0].equals("calls")) {
                        calls = Long.parseLong(parts[1]);
                    } else if (parts[0].equals("usec")) {
                        usec = Long.parseLong(parts[1]);
                    }
                }
                stats.put(name.substring("cmdstat_".length()), new Calls(calls, usec));
            }
        });
        return stats;
    }

    private static Map<String, String> fields(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
