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
    private final StringBuilder md;

    StorageSection(Results results, StringBuilder md) {
        this.results = results;
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
        md.append("## 6. Query latency over 30 days\n\nIn the service: the tracking-service's query classes "
                + "(`Overview`, `TimeSeries` by day, `Breakdown` of pages, top 10) run in the benchmark's JVM against "
                + "the same Redis, one after the other. Over HTTP: `GET /api/stats/...` with an access token, through "
                + "the gateway and the request/reply stream to the tracking-service.\n\n")
                .append("| stored events | query | service p50 ms | service p95 ms | service p99 ms | HTTP p50 ms | "
                        + "HTTP p95 ms |\n|---|---|---|---|---|---|---|\n");
        for (String size : sizes) {
            for (String query : QUERIES) {
                String service = "query_" + size + "_" + query;
                String http = "query_http_" + size + "_" + query;
                if (!results.has(service)) {
                    continue;
                }
                md.append("| ").append(Format.size(size)).append(" | ").append(query).append(" | ")
                        .append(Format.ms(results.number(service, "p50_ms"))).append(" | ")
                        .append(Format.ms(results.number(service, "p95_ms"))).append(" | ")
                        .append(Format.ms(results.number(service, "p99_ms"))).append(" | ")
                        .append(Format.ms(results.number(http, "p50_ms"))).append(" | ")
                        .append(Format.ms(results.number(http, "p95_ms"))).append(" |\n");
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
        }
        md.append('\n');
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
                + "account, by kind (see docs/data-model.md), divided by its stored raw events; and the growth of "
                + "`used_memory` while seeding, less the growth of the ingest stream, per event added.\n\n")
                .append("| stored events | raw | roll-ups | dedupe + session state (transient) | keys | "
                        + "used_memory growth per event |\n|---|---|---|---|---|---|\n");
        for (String size : sizes) {
            String name = "memory_" + size;
            if (!results.has(name)) {
                continue;
            }
            String seed = "seed_" + size;
            OptionalDouble growth = growthPerEvent("seed_" + size);
            md.append("| ").append(Format.count(results.number(name, "events"))).append(" | ")
                    .append(Format.bytes(results.number(name, "raw_per_event"))).append(" | ")
                    .append(Format.bytes(results.number(name, "rollups_per_event"))).append(" | ")
                    .append(Format.bytes(results.number(name, "transient_per_event"))).append(" | ")
                    .append(Format.count(results.number(name, "keys"))).append(" | ")
                    .append(Format.bytes(growth)).append(" |\n");
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
