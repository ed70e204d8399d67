package io.trackingsystem.bench;

import io.trackingsystem.bench.Report.Format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** End-to-end processing with its lag over time, the Redis ceilings it is compared with, and seeding. */
final class ProcessingSection {

    /** Commands called less often than this per event are listed together, not each in a row. */
    private static final double RARE_CALLS = 0.01;

    private final Results results;
    private final StringBuilder md;

    ProcessingSection(Results results, StringBuilder md) {
        this.results = results;
        this.md = md;
    }

    void write() {
        endToEnd();
        redis();
        seeding();
    }

    private void endToEnd() {
        if (!results.has("e2e")) {
            return;
        }
        OptionalDouble rate = results.number("e2e", "events_per_s");
        OptionalDouble cpu = results.number("e2e", "redis_cpu_us_per_event");
        OptionalDouble cpuCeiling = cpu.isPresent() && cpu.getAsDouble() > 0
                ? OptionalDouble.of(1e6 / cpu.getAsDouble()) : OptionalDouble.empty();
        md.append("## 3. End-to-end processing\n\n")
                .append(Format.count(results.number("e2e", "events"))).append(" events posted in batches of 100 over ")
                .append(results.text("e2e", "connections")).append(" connections (`EndToEnd`). From the first send "
                        + "until every acknowledged event was counted in the account's statistics: ")
                .append(Format.ms(results.number("e2e", "seconds"))).append(" s, **").append(Format.count(rate))
                .append(" events/s processed**. The gateway had accepted them all after ")
                .append(Format.ms(results.number("e2e", "send_seconds"))).append(" s (")
                .append(Format.count(results.number("e2e", "ingest_events_per_s"))).append(" events/s). Backlog "
                        + "(pending + lag of the consumer group) peaked at ")
                .append(Format.count(results.number("e2e", "max_backlog"))).append(" entries; ")
                .append(results.text("e2e", "retried")).append(" batches were answered 503/429 and retried, ")
                .append(results.text("e2e", "failed")).append(" events failed. CPU per event: ")
                .append(Format.ms(jvmMicrosPerEvent("cpu_e2e", results.number("e2e", "processed"))))
                .append(" µs in the system's three JVMs (gateway, user-service and tracking-service), ").append(Format.ms(cpu))
                .append(" µs in Redis.\n\n");
        md.append("| compared with | ceiling, events/s | processed, % of ceiling |\n|---|---|---|\n");
        ratio("Redis XADD ceiling (one append per event, nothing else)", results.number("redis_xadd", "rps"), rate);
        ratio("Redis ceiling of the event's command mix (section 4)",
                results.number("redis_mix", "ceiling_events_per_s"), rate);
        ratio("Redis CPU: " + Format.ms(cpu) + " µs of Redis CPU per event, one Redis core", cpuCeiling, rate);
        md.append('\n');
        lagTable(results.series("e2e"));
    }

    private void ratio(String name, OptionalDouble ceiling, OptionalDouble rate) {
        md.append("| ").append(name).append(" | ").append(Format.count(ceiling)).append(" | ")
                .append(Format.percent(rate, ceiling)).append(" |\n");
    }

    private void lagTable(List<Map<String, String>> samples) {
        if (samples.isEmpty()) {
            return;
        }
        int step = samples.size() > 120 ? 10 : 5;
        md.append("Stream lag over time (every ").append(step).append(" s):\n\n")
                .append("| s | sent | acknowledged | counted | pending | lag |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < samples.size(); i++) {
            Map<String, String> sample = samples.get(i);
            boolean last = i == samples.size() - 1;
            long t = Long.parseLong(sample.getOrDefault("t", "0"));
            boolean sameSecondFollows = !last && t == Long.parseLong(samples.get(i + 1).getOrDefault("t", "0"));
            if (!last && (t % step != 0 || sameSecondFollows)) {
                continue;
            }
            md.append("| ").append(sample.get("t")).append(" | ").append(count(sample.get("sent"))).append(" | ")
                    .append(count(sample.get("acknowledged"))).append(" | ").append(count(sample.get("processed")))
                    .append(" | ").append(count(sample.get("pending"))).append(" | ").append(count(sample.get("lag")))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void redis() {
        if (!results.has("redis_xadd")) {
            return;
        }
        md.append("## 4. Redis ceilings\n\n`redis-benchmark` against the same Redis, ")
                .append(results.text("redis_xadd", "clients")).append(" clients, pipeline ")
                .append(results.text("redis_xadd", "pipeline"))
                .append(!results.text("redis_xadd", "runs").isEmpty()
                        ? ", fastest of " + results.text("redis_xadd", "runs") + " runs" : "")
                .append(". XADD of a ")
                .append(results.text("redis_xadd", "payload_bytes")).append("-byte entry (the size of this run's "
                        + "ingest entries), trimmed like the gateway's: **")
                .append(Format.count(results.number("redis_xadd", "rps"))).append(" entries/s**.\n\n");
        List<String> mix = new ArrayList<>(results.named("redis_mix_"));
        if (mix.isEmpty()) {
            return;
        }
        mix.sort(Comparator.comparingDouble((String name) -> results.number(name, "calls_per_event").orElse(0))
                .reversed());
        md.append("The commands one event cost in the end-to-end run (`INFO commandstats` before and after, per "
                + "counted event; commands run by scripts count on their own, and the script call's time includes "
                + "theirs). Redis times there are wall-clock, so they include waiting for a CPU. Each command was then "
                + "benchmarked bare:\n\n")
                .append("| command | calls/event | Redis µs/event in the run | redis-benchmark ops/s | "
                        + "µs/event at that rate |\n|---|---|---|---|---|\n");
        List<String> rare = new ArrayList<>();
        for (String name : mix) {
            String command = name.substring("redis_mix_".length());
            OptionalDouble calls = results.number(name, "calls_per_event");
            if (calls.orElse(0) < RARE_CALLS && !results.text(name, "modelled").equals("script")) {
                rare.add(command);
                continue;
            }
            OptionalDouble rps = results.number(name, "rps");
            String cost = rps.isPresent() && calls.isPresent()
                    ? decimals(calls.getAsDouble() / rps.getAsDouble() * 1e6, 2)
                    : results.text(name, "modelled").equals("script") ? "(runs commands above)" : "not modelled";
            md.append("| ").append(command).append(" | ").append(decimals(calls.orElse(0), 3)).append(" | ")
                    .append(decimals(results.number(name, "server_us_per_event").orElse(0), 2)).append(" | ")
                    .append(Format.count(rps)).append(" | ").append(cost).append(" |\n");
        }
        if (!rare.isEmpty()) {
            md.append("| fewer than one call per 100 events: ").append(String.join(", ", rare))
                    .append(" | | | | |\n");
        }
        md.append("\nCommand-mix ceiling: **").append(Format.count(results.number("redis_mix", "ceiling_events_per_s")))
                .append(" events/s** (").append(decimals(results.number("redis_mix", "modelled_calls_per_event")
                        .orElse(0), 1))
                .append(" modelled calls per event; not modelled: ").append(results.text("redis_mix", "unmodelled")
                        .replace(",", ", ")).append("). Each template touches one key and one field or member, so "
                        + "calls with many arguments cost more in the run than here.\n\n");
    }

    /** CPU microseconds the system's JVMs spent per event in a phase, when {@code bench/run} started them. */
    private OptionalDouble jvmMicrosPerEvent(String cpu, OptionalDouble events) {
        OptionalDouble seconds = results.number(cpu, "jvm_seconds");
        if (seconds.isEmpty() || events.isEmpty() || events.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(seconds.getAsDouble() * 1e6 / events.getAsDouble());
    }

    private static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private void seeding() {
        List<String> sizes = StorageSection.sizes(results);
        if (sizes.isEmpty()) {
            return;
        }
        md.append("## 5. Processing a history (seeding)\n\nEvents spread over the last 30 days, appended to the "
                + "ingest stream as the gateway writes them and processed by the running tracking-service (`Seed`); "
                + "timed until all are counted. The gateway is idle meanwhile, so the system JVMs' CPU is almost all the "
                + "tracking-service's.\n\n")
                .append("| stored events after | events added | seconds | events/s | system JVMs CPU µs/event | "
                        + "Redis CPU µs/event | complete |\n|---|---|---|---|---|---|---|\n");
        for (String size : sizes) {
            String name = "seed_" + size;
            md.append("| ").append(Format.size(size)).append(" | ").append(Format.count(results.number(name, "events")))
                    .append(" | ").append(Format.ms(results.number(name, "seconds"))).append(" | ")
                    .append(Format.count(results.number(name, "events_per_s"))).append(" | ")
                    .append(Format.ms(jvmMicrosPerEvent("cpu_seed_" + size, results.number(name, "processed"))))
                    .append(" | ").append(Format.ms(results.number(name, "redis_cpu_us_per_event"))).append(" | ")
                    .append(results.text(name, "complete")).append(" |\n");
        }
        md.append('\n');
    }

    private static String count(String value) {
        if (value == null) {
            return "–";
        }
        try {
            return Format.count(OptionalDouble.of(Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
