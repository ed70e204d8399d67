package io.trackingsystem.bench;

import io.trackingsystem.bench.Report.Format;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Query latency and Redis memory per stored event, for each seeded size. */
final class StorageSection {

    static final List<String> QUERIES = java.util.stream.Stream.concat(BenchQuery.ALL.stream().map(BenchQuery::name),
            java.util.stream.Stream.of("dashboard_filtered")).toList();

    private final Results results;
    private final Results scanPath;
    private final StringBuilder md;

    StorageSection(Results results, Results scanPath, StringBuilder md) {
        this.results = results;
        this.scanPath = scanPath;
        this.md = md;
    }

    /** The seeded sizes (stored events after each seeding), in the order they were reached. */
    static List<String> sizes(Results results) {
        return results.named("seed_").stream().map(name -> name.substring("seed_".length())).toList();
    }

    void write() {
        List<String> sizes = sizes(results);
        if (sizes.isEmpty()) {
            return;
        }
        queries(sizes);
        memory(sizes);
    }

    private void queries(List<String> sizes) {
        md.append("## 6. Query latency over 30 days\n\nIn the service: the tracking-service's query classes run in "
                + "the benchmark's JVM against the same Redis, one after the other, with the engine's cache warm "
                + "after the warm-up runs. The first run of each query is timed apart (first run): it builds the "
                + "day views of data just seeded or compacted. Over HTTP: `GET /api/...` with an access token, "
                + "through the gateway and "
                + "the request/reply stream to the tracking-service. The dashboard row requests the overview, the "
                + "time series and " + QueryLatency.DASHBOARD_PANELS.size() + " breakdowns, all filtered by "
                + "`page:/pricing`, at once, and times the last answer. Beside each query: the unfiltered overview "
                + "of the same run (its baseline) and, where a scan-path run was given, the same query on the "
                + "earlier release's scan path.\n\n")
                .append("| stored events | query | service p50 ms | service p95 ms | HTTP p95 ms | × baseline p95 "
                        + "| first run ms (service / HTTP) | scan path p95 ms (service / HTTP) |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (String size : sizes) {
            OptionalDouble baseline = results.number("query_" + size + "_" + BenchQuery.BASELINE, "p95_ms");
            for (String query : QUERIES) {
                String service = "query_" + size + "_" + query;
                String http = "query_http_" + size + "_" + query;
                if (!results.has(service) && !results.has(http)) {
                    continue;
                }
                OptionalDouble p95 = results.number(service, "p95_ms");
                md.append("| ").append(Format.size(size)).append(" | ").append(query).append(" | ")
                        .append(Format.ms(results.number(service, "p50_ms"))).append(" | ")
                        .append(Format.ms(p95)).append(" | ")
                        .append(Format.ms(results.number(http, "p95_ms"))).append(failed(results, http))
                        .append(" | ").append(ratio(p95, baseline)).append(" | ")
                        .append(Format.ms(results.number(service, "cold_ms"))).append(" / ")
                        .append(Format.ms(results.number(http, "cold_ms")))
                        .append(results.number(http, "cold_failed").orElse(0) > 0 ? ", not 200" : "").append(" | ")
                        .append(Format.ms(scanPath.number(service, "p95_ms"))).append(" / ")
                        .append(Format.ms(scanPath.number(http, "p95_ms"))).append(failed(scanPath, http))
                        .append(" |\n");
            }
        }
        md.append('\n');
        for (String size : sizes) {
            String counts = "query_" + size + "_counts";
            if (results.has(counts)) {
                md.append("At ").append(Format.size(size)).append(" the 30-day overview counts ")
                        .append(Format.count(results.number(counts, "events"))).append(" events, ")
                        .append(Format.count(results.number(counts, "visitors"))).append(" visitors, ")
                        .append(Format.count(results.number(counts, "sessions"))).append(" visits.\n");
            }
            String compacted = "query_" + size + "_compacted";
            if (results.has(compacted)) {
                md.append("At ").append(Format.size(size)).append(" the queries began ")
                        .append(Format.ms(results.number(compacted, "seconds"))).append(" s after seeding, ")
                        .append(results.text(compacted, "complete").equals("yes") ? "once compaction had caught up"
                                : "before compaction had caught up (QUERY_SETTLE_SECONDS)").append(".\n");
            }
        }
        md.append('\n');
    }

    private static String failed(Results results, String name) {
        double failed = results.number(name, "failed").orElse(0);
        return failed > 0 ? " (" + (long) failed + " answers not 200)" : "";
    }

    private static String ratio(OptionalDouble value, OptionalDouble baseline) {
        if (value.isEmpty() || baseline.isEmpty() || baseline.getAsDouble() == 0) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, "%.1f", value.getAsDouble() / baseline.getAsDouble());
    }

    /** (used_memory after − before − the ingest stream's growth) / events added, from a seeding's result. */
    private OptionalDouble growthPerEvent(String seed) {
        double added = results.number(seed, "events").orElse(0);
        if (added == 0 || results.number(seed, "used_memory_after").isEmpty()) {
            return OptionalDouble.empty();
        }
        double used = results.number(seed, "used_memory_after").getAsDouble()
                - results.number(seed, "used_memory_before").orElse(0);
        double stream = results.number(seed, "ingest_stream_bytes_after").orElse(0)
                - results.number(seed, "ingest_stream_bytes_before").orElse(0);
        return OptionalDouble.of((used - stream) / added);
    }

    private void memory(List<String> sizes) {
        md.append("## 7. Redis memory per stored event\n\n`MEMORY USAGE <key> SAMPLES 0` of every key of the seeded "
                + "site, by kind (see docs/data-model.md), divided by its stored events: the events themselves "
                + "(sealed segments, pending blocks, the manifest) and the dedupe fingerprints, which live one to "
                + "two days; and the growth of `used_memory` while seeding, less the growth of the ingest stream, "
                + "per event added.\n\n")
                .append("| stored events | events (segments, pending, manifest) | dedupe (transient) | everything | "
                        + "keys | used_memory growth per event |\n|---|---|---|---|---|---|\n");
        for (String size : sizes) {
            String name = "memory_" + size;
            if (!results.has(name)) {
                continue;
            }
            md.append("| ").append(Format.count(results.number(name, "events"))).append(" | ")
                    .append(Format.bytes(results.number(name, "stored_per_event"))).append(" | ")
                    .append(Format.bytes(results.number(name, "transient_per_event"))).append(" | ")
                    .append(Format.bytes(results.number(name, "all_per_event"))).append(" | ")
                    .append(Format.count(results.number(name, "keys"))).append(" | ")
                    .append(Format.bytes(growthPerEvent("seed_" + size))).append(" |\n");
        }
        md.append('\n');
        for (String size : sizes) {
            Map<String, String> kinds = results.get("memory_" + size + "_kinds");
            if (!kinds.isEmpty()) {
                md.append("Bytes by kind at ").append(Format.size(size)).append(": ");
                md.append(String.join(", ", kinds.entrySet().stream().map(kind -> "`" + kind.getKey() + "` "
                        + Format.count(OptionalDouble.of(Double.parseDouble(kind.getValue())))).toList()));
                md.append(".\n");
            }
        }
        md.append('\n');
    }
}
