package io.trackingsystem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes the results file: machine and commit, then every figure of the run next to its same-run baseline, as a
 * ratio. Usage: {@code Report <results.txt> <machine.txt> <out.md> [scan-path-results.txt]}; machine.txt holds
 * {@code key: value} lines written by {@code bench/run}. The optional last file is the raw results of a run of the
 * earlier release's scan path over the same queries, shown beside each query's figures.
 */
public final class Report {

    static final String[] CONCURRENCY = {"1", "16", "64"};

    private final Results results;
    private final Results scanPath;
    private final Map<String, String> machine;
    private final StringBuilder md = new StringBuilder();

    Report(Results results, Map<String, String> machine) {
        this(results, new Results(), machine);
    }

    Report(Results results, Results scanPath, Map<String, String> machine) {
        this.results = results;
        this.scanPath = scanPath;
        this.machine = machine;
    }

    public static void main(String[] args) throws Exception {
        Results results = Results.parse(Files.readAllLines(Path.of(args[0])));
        Map<String, String> machine = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                machine.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        Results scanPath = args.length > 3 && Files.exists(Path.of(args[3]))
                ? Results.parse(Files.readAllLines(Path.of(args[3]))) : new Results();
        Files.writeString(Path.of(args[2]), new Report(results, scanPath, machine).render());
    }

    String render() {
        header();
        new TargetSummary(results, md).write();
        ingest();
        batch();
        new ProcessingSection(results, md).write();
        new StorageSection(results, scanPath, md).write();
        new ProfileSection(results, md).write();
        anchors();
        notes();
        return md.toString();
    }

    private void header() {
        md.append("# Benchmark: ").append(machine.getOrDefault("date", "")).append(", commit ")
                .append(machine.getOrDefault("commit", "")).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row("Command", "`" + machine.getOrDefault("command", "bench/run") + "`");
        row("Commit", machine.getOrDefault("commit_full", "") + " (" + machine.getOrDefault("tree", "") + ")");
        row("Machine", machine.getOrDefault("nproc", "?") + " CPUs, " + machine.getOrDefault("cpu", "?") + ", "
                + machine.getOrDefault("memory", "?") + " RAM");
        row("OS", machine.getOrDefault("os", "?") + ", kernel " + machine.getOrDefault("kernel", "?"));
        row("Java", machine.getOrDefault("java", "?"));
        row("Redis", machine.getOrDefault("redis", "?") + ", " + machine.getOrDefault("redis_persistence", "?"));
        row("Load generator", machine.getOrDefault("wrk", "?") + "; " + machine.getOrDefault("settings", ""));
        row("System under test", machine.getOrDefault("system", "?"));
        row("Load average (1/5/15 min)", "at start " + machine.getOrDefault("load_start", "?") + "; at end "
                + machine.getOrDefault("load_end", "?"));
        row("Run time", machine.getOrDefault("run_time", "?"));
        md.append("\nEverything runs on this one machine: the system, Redis and the load generators share its CPUs, "
                + "and the baselines ran minutes apart from the figures they qualify.\n\n");
    }

    private void ingest() {
        md.append("## 1. Single-event ingest\n\n`POST /api/events`, one ~300-byte event per request over HTTP/1.1 "
                + "keep-alive (wrk, `bench/wrk/event.lua`). The ceilings answer the same requests with 202 and do "
                + "nothing: a Camel platform-http route (the gateway's stack) and a bare Vert.x server. While these "
                + "runs measure the gateway, the tracking-service process is paused (SIGSTOP), as when it runs on "
                + "other nodes; what it missed is processed before the next run. The last row keeps it running on "
                + "the same two CPUs.\n\n");
        md.append("| connections | events/s | p50 ms | p99 ms | p99.9 ms | non-2xx | Camel no-op req/s | "
                + "% of Camel | Vert.x no-op req/s | % of Vert.x |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String c : CONCURRENCY) {
            ingestRow(c, "ingest_c" + c, c);
        }
        ingestRow("64, processing on the same CPUs", "ingest_c64_processing", "64");
        md.append("\nCeiling latencies (p50 / p99 ms): ");
        List<String> parts = new ArrayList<>();
        for (String c : CONCURRENCY) {
            for (String server : new String[]{"camel", "vertx"}) {
                String name = "ceiling_" + server + "_c" + c;
                if (results.has(name)) {
                    parts.add(server + " c" + c + " " + Format.ms(results.number(name, "p50_ms")) + " / "
                            + Format.ms(results.number(name, "p99_ms")));
                }
            }
        }
        md.append(String.join("; ", parts)).append(".\n\n");
    }

    /** One run of wrk against the gateway, next to the ceilings at the same number of connections. */
    private void ingestRow(String label, String name, String connections) {
        if (!results.has(name)) {
            return;
        }
        OptionalDouble rps = results.number(name, "rps");
        OptionalDouble camel = results.number("ceiling_camel_c" + connections, "rps");
        OptionalDouble vertx = results.number("ceiling_vertx_c" + connections, "rps");
        md.append("| ").append(label).append(" | ").append(Format.count(rps)).append(" | ")
                .append(Format.ms(results.number(name, "p50_ms"))).append(" | ")
                .append(Format.ms(results.number(name, "p99_ms"))).append(" | ")
                .append(Format.ms(results.number(name, "p999_ms"))).append(" | ")
                .append(results.text(name, "non2xx")).append(" | ")
                .append(Format.count(camel)).append(" | ").append(Format.percent(rps, camel)).append(" | ")
                .append(Format.count(vertx)).append(" | ").append(Format.percent(rps, vertx)).append(" |\n");
    }

    private void batch() {
        String name = "batch";
        if (!results.has(name)) {
            return;
        }
        OptionalDouble rps = results.number(name, "rps");
        OptionalDouble events = rps.isPresent() ? OptionalDouble.of(rps.getAsDouble() * 100) : OptionalDouble.empty();
        OptionalDouble xadd = results.number("redis_xadd", "rps");
        md.append("## 2. Batch ingest\n\n`POST /api/events` with `{\"batch\":[...]}` of 100 events (wrk, "
                + "`bench/wrk/batch.lua`), ").append(results.text(name, "connections")).append(" connections.\n\n");
        md.append("| requests/s | events/s | p50 ms | p99 ms | non-2xx | Redis XADD ceiling (entries/s) | "
                + "% of ceiling |\n|---|---|---|---|---|---|---|\n");
        md.append("| ").append(Format.count(rps)).append(" | ").append(Format.count(events)).append(" | ")
                .append(Format.ms(results.number(name, "p50_ms"))).append(" | ")
                .append(Format.ms(results.number(name, "p99_ms"))).append(" | ")
                .append(results.text(name, "non2xx")).append(" | ").append(Format.count(xadd)).append(" | ")
                .append(Format.percent(events, xadd)).append(" |\n\n");
    }

    private void anchors() {
        md.append("## Published anchors (other hardware, not measured here)\n\n");
        md.append("RudderStack's gateway: about 1,700 events/s on 2 cores. Snowplow's Go collector: about 3,600 "
                + "requests/s per vCPU (7,200 on 2). Here, on ").append(machine.getOrDefault("nproc", "?"))
                .append(" CPUs shared with Redis and the load generator: single events at 64 connections ")
                .append(Format.count(results.number("ingest_c64", "rps"))).append(" events/s, batches ")
                .append(Format.count(scaled(results.number("batch", "rps"), 100))).append(" events/s, end to end ")
                .append(Format.count(results.number("e2e", "events_per_s"))).append(" events/s processed.\n\n");
    }

    private void notes() {
        if (results.notes().isEmpty()) {
            return;
        }
        md.append("## Notes\n\n");
        for (String note : results.notes()) {
            md.append("- ").append(note).append('\n');
        }
        md.append('\n');
    }

    private void row(String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static OptionalDouble scaled(OptionalDouble value, double factor) {
        return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * factor) : OptionalDouble.empty();
    }

    /** How the tables print numbers. */
    static final class Format {

        private Format() {
        }

        static String count(OptionalDouble value) {
            return value.isPresent() ? String.format(Locale.ROOT, "%,.0f", value.getAsDouble()) : "–";
        }

        static String ms(OptionalDouble value) {
            if (value.isEmpty()) {
                return "–";
            }
            double ms = value.getAsDouble();
            return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
        }

        static String percent(OptionalDouble part, OptionalDouble whole) {
            if (part.isEmpty() || whole.isEmpty() || whole.getAsDouble() == 0) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.0f%%", 100 * part.getAsDouble() / whole.getAsDouble());
        }

        static String bytes(OptionalDouble value) {
            return value.isPresent() ? String.format(Locale.ROOT, "%,.0f B", value.getAsDouble()) : "–";
        }

        /** 1000000 as 1M, 200000 as 200k. */
        static String size(String label) {
            try {
                long n = Long.parseLong(label);
                return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1000 == 0 ? n / 1000 + "k" : label;
            } catch (NumberFormatException e) {
                return label;
            }
        }
    }
}
