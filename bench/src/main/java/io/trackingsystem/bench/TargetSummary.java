package io.trackingsystem.bench;

import io.trackingsystem.bench.Report.Format;

import java.util.List;
import java.util.OptionalDouble;

/** The results file's first table: each target, what this run measured, and whether it was met. */
final class TargetSummary {

    static final String TEN_MILLION = "10000000";

    private final Results results;
    private final StringBuilder md;

    TargetSummary(Results results, StringBuilder md) {
        this.results = results;
        this.md = md;
    }

    void write() {
        md.append("## Against the targets\n\n| target | goal | measured | met |\n|---|---|---|---|\n");
        ingest();
        endToEnd();
        queries();
        memory();
        md.append('\n');
    }

    private void ingest() {
        OptionalDouble rps = results.number("ingest_c64", "rps");
        OptionalDouble ceiling = results.number("ceiling_camel_c64", "rps");
        OptionalDouble p99 = results.number("ingest_c64", "p99_ms");
        boolean measured = rps.isPresent() && ceiling.isPresent() && p99.isPresent();
        boolean met = measured && rps.getAsDouble() >= 0.5 * ceiling.getAsDouble() && p99.getAsDouble() < 10;
        row("Single-event ingest, 64 connections", "≥ 50% of the HTTP ceiling, p99 < 10 ms",
                Format.count(rps) + " events/s = " + Format.percent(rps, ceiling) + " of the Camel no-op ceiling ("
                        + Format.percent(rps, results.number("ceiling_vertx_c64", "rps")) + " of bare Vert.x), p99 "
                        + Format.ms(p99) + " ms", measured ? yesNo(met) : "not measured");
    }

    private void endToEnd() {
        OptionalDouble rate = results.number("e2e", "events_per_s");
        boolean complete = results.text("e2e", "complete").equals("yes");
        row("End-to-end processing", "≥ 50,000 events/s, stream lag bounded",
                Format.count(rate) + " events/s over " + Format.count(results.number("e2e", "events"))
                        + " events; backlog peaked at " + Format.count(results.number("e2e", "max_backlog"))
                        + " entries" + (complete ? " and drained" : ", run did not finish")
                        + retried(results.text("e2e", "retried")),
                rate.isPresent() ? yesNo(complete && rate.getAsDouble() >= 50_000) : "not measured");
    }

    private static String retried(String batches) {
        return batches.isEmpty() || batches.equals("0") ? ""
                : " (" + batches + " batches answered 503/429 and retried)";
    }

    private void queries() {
        List<String> sizes = StorageSection.sizes(results);
        String goal = "p95 ≤ 150 ms in the service, ≤ 250 ms over HTTP";
        if (sizes.isEmpty()) {
            row("Query latency at 10M events", goal, "not measured", "not measured");
            row("Dashboard with one filter at 10M", "every panel within 1 s", "not measured", "not measured");
            return;
        }
        String largest = sizes.get(sizes.size() - 1);
        double worst = 0;
        double worstHttp = 0;
        String slowest = "";
        for (BenchQuery query : BenchQuery.ALL) {
            double p95 = results.number("query_" + largest + "_" + query.name(), "p95_ms").orElse(0);
            if (p95 > worst) {
                worst = p95;
                slowest = query.name();
            }
            worstHttp = Math.max(worstHttp, results.number("query_http_" + largest + "_" + query.name(), "p95_ms")
                    .orElse(0));
        }
        boolean atTenMillion = largest.equals(TEN_MILLION);
        row("Query latency at 10M events", goal, "slowest p95 at " + Format.size(largest) + " events: "
                        + Format.ms(OptionalDouble.of(worst)) + " ms in the service (" + slowest + "), "
                        + Format.ms(OptionalDouble.of(worstHttp)) + " ms over HTTP",
                atTenMillion ? yesNo(worst <= 150 && worstHttp <= 250) : "not measured at 10M (see notes)");
        String dashboard = "query_http_" + largest + "_dashboard_filtered";
        OptionalDouble all = results.number(dashboard, "p95_ms");
        boolean failed = results.number(dashboard, "failed").orElse(0) > 0;
        row("Dashboard with one filter at 10M", "every panel within 1 s", "p95 " + Format.ms(all)
                        + " ms until the last of " + Format.count(results.number(dashboard, "panels")) + " answers"
                        + (failed ? ", some not 200" : ""),
                atTenMillion && all.isPresent() ? yesNo(!failed && all.getAsDouble() <= 1000) : "not measured at 10M");
    }

    private void memory() {
        List<String> sizes = StorageSection.sizes(results);
        String goal = "≤ 60 bytes, everything kept per event";
        if (sizes.isEmpty()) {
            row("Redis memory per event", goal, "not measured", "not measured");
            return;
        }
        String largest = sizes.get(sizes.size() - 1);
        OptionalDouble all = results.number("memory_" + largest, "all_per_event");
        row("Redis memory per event", goal, Format.bytes(all) + " at " + Format.size(largest) + " events (events "
                        + Format.bytes(results.number("memory_" + largest, "stored_per_event")) + ", dedupe "
                        + Format.bytes(results.number("memory_" + largest, "transient_per_event")) + ")",
                all.isPresent() ? yesNo(all.getAsDouble() <= 60) : "not measured");
    }

    private void row(String target, String goal, String measured, String met) {
        md.append("| ").append(target).append(" | ").append(goal).append(" | ").append(measured).append(" | ")
                .append(met).append(" |\n");
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "no";
    }
}
