package io.trackingsystem.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final Map<String, String> MACHINE = Map.of("date", "2026-11-28 01:00 UTC", "commit", "abc1234",
            "nproc", "2", "load_start", "1.00 0.50 0.20");

    @Test
    void printsIngestAsAShareOfTheSameRunsHttpCeilings() {
        String md = render(
                "RESULT ceiling_camel_c64 connections=64 requests=300000 seconds=15 rps=20000.0 p50_ms=3 p99_ms=6 p999_ms=9 errors=0 non2xx=0",
                "RESULT ceiling_vertx_c64 connections=64 requests=600000 seconds=15 rps=40000.0 p50_ms=1 p99_ms=2 p999_ms=3 errors=0 non2xx=0",
                "RESULT ingest_c64 connections=64 requests=150000 seconds=15 rps=10000.0 p50_ms=5 p99_ms=9.5 p999_ms=20 errors=0 non2xx=0");

        assertThat(md).contains("| 64 | 10,000 | 5.00 | 9.50 | 20.0 | 0 | 20,000 | 50% | 40,000 | 25% |");
        assertThat(md).contains("| Single-event ingest, 64 connections | ≥ 50% of the HTTP ceiling, p99 < 10 ms | "
                + "10,000 events/s = 50% of the Camel no-op ceiling (25% of bare Vert.x), p99 9.50 ms | yes |");
    }

    @Test
    void judgesEndToEndAndShowsItsLagEveryFiveSeconds() {
        List<String> lines = new ArrayList<>();
        for (int t = 0; t <= 12; t++) {
            lines.add("SERIES e2e t=" + t + " sent=" + t * 1000 + " acknowledged=" + t * 1000 + " processed=" + t * 900
                    + " pending=10 lag=" + t * 100);
        }
        lines.add("SERIES e2e t=12 sent=12000 acknowledged=12000 processed=12000 pending=0 lag=0");
        lines.add("RESULT e2e events=12000 processed=12000 complete=yes seconds=13 events_per_s=923.1 max_backlog=1210 "
                + "connections=8 retried=0 failed=0 redis_cpu_us_per_event=50");
        lines.add("RESULT redis_xadd rps=100000 p50_ms=1 payload_bytes=380 clients=50 pipeline=16");

        String md = render(lines.toArray(String[]::new));

        assertThat(md).contains("| End-to-end processing | ≥ 50,000 events/s, stream lag bounded | 923 events/s over "
                + "12,000 events; backlog peaked at 1,210 entries and drained | no |");
        assertThat(md).contains("| 0 | 0 | 0 | 0 | 10 | 0 |", "| 5 | 5,000 | 5,000 | 4,500 | 10 | 500 |",
                "| 10 | 10,000 |", "| 12 | 12,000 | 12,000 | 12,000 | 0 | 0 |");
        assertThat(md).doesNotContain("| 3 | 3,000 |").doesNotContain("| 12 | 12,000 | 12,000 | 10,800 |");
        assertThat(md).contains("| Redis CPU: 50.0 µs of Redis CPU per event, one Redis core | 20,000 | 5% |");
        assertThat(md).contains("| Redis XADD ceiling (one append per event, nothing else) | 100,000 | 1% |");
    }

    @Test
    void saysWhenTenMillionWasNotMeasuredAndReportsTheLargestSizeRun() {
        String md = render(
                "RESULT seed_1000000 events=1000000 processed=1000000 complete=yes seconds=100 events_per_s=10000",
                "RESULT query_1000000_overview p50_ms=3 p95_ms=4 p99_ms=5 iterations=200",
                "RESULT query_1000000_timeseries p50_ms=6 p95_ms=8 p99_ms=9 iterations=200",
                "RESULT query_1000000_breakdown p50_ms=20 p95_ms=31 p99_ms=40 iterations=200",
                "RESULT query_http_1000000_breakdown p50_ms=25 p95_ms=36 p99_ms=50 iterations=100 failed=0",
                "RESULT memory_1000000 events=1000000 keys=5000 stored_per_event=21.5 transient_per_event=3.5 "
                        + "all_per_event=25",
                "NOTE Seeding to 10000000 events skipped: too slow");

        assertThat(md).contains("| Query latency at 10M events | p95 ≤ 150 ms in the service, ≤ 250 ms over HTTP | "
                + "slowest p95 at 1M events: 31.0 ms in the service (breakdown), 36.0 ms over HTTP (breakdown) | "
                + "not measured at 10M (see notes) |");
        assertThat(md).contains("| Redis memory per event | ≤ 60 bytes, everything kept per event | 25 B at 1M events "
                + "(events 22 B, dedupe 4 B) | yes |");
        assertThat(md).contains("| 1M | breakdown | 20.0 | 31.0 | 36.0 | 7.8 | – / – | – / – |");
        assertThat(md).contains("- Seeding to 10000000 events skipped: too slow");
    }

    @Test
    void setsEachQueryBesideTheSameQueryOnTheScanPath() {
        Results run = Results.parse(List.of(
                "RESULT seed_10000000 events=10000000 processed=10000000 complete=yes seconds=100 events_per_s=10",
                "RESULT query_10000000_overview p50_ms=3 p95_ms=4 p99_ms=5 iterations=200",
                "RESULT query_10000000_overview_filtered p50_ms=9 p95_ms=12 p99_ms=15 iterations=200",
                "RESULT query_http_10000000_dashboard_filtered p50_ms=300 p95_ms=400 p99_ms=500 iterations=20 "
                        + "panels=10 failed=0"));
        Results scan = Results.parse(List.of(
                "RESULT query_10000000_overview_filtered p50_ms=14000 p95_ms=14800 p99_ms=15000 iterations=3",
                "RESULT query_http_10000000_overview_filtered p50_ms=30000 p95_ms=30300 iterations=3 failed=4"));

        String md = new Report(run, scan, java.util.Map.of()).render();

        assertThat(md).contains(
                "| 10M | overview_filtered | 9.00 | 12.0 | – | 3.0 | – / – | 14800 / 30300 (4 answers not 200) |");
        assertThat(md).contains("| Dashboard with one filter at 10M | every panel within 1 s | p95 400 ms until the "
                + "last of 10 answers | yes |");
    }

    @Test
    void judgesHundredMillionOverHttpByItsSlowestQueryAndItsGrowthFromTenMillion() {
        String[] lines = {
                "RESULT seed_10000000 events=10000000 processed=10000000 complete=yes seconds=100 events_per_s=10",
                "RESULT seed_100000000 events=90000000 processed=90000000 complete=yes seconds=900 events_per_s=10",
                "RESULT query_http_10000000_overview p50_ms=40 p95_ms=50 iterations=100 failed=0",
                "RESULT query_http_10000000_funnel_8_steps p50_ms=90 p95_ms=100 iterations=100 failed=0",
                "RESULT query_http_100000000_overview p50_ms=300 p95_ms=400 iterations=100 failed=0 cold_ms=5200 "
                        + "cold_failed=1",
                "RESULT query_http_100000000_funnel_8_steps p50_ms=800 p95_ms=900 iterations=100 failed=0 "
                        + "cold_ms=950 cold_failed=0"};

        String md = render(lines);

        assertThat(md).contains("| Query latency at 100M events | p95 ≤ 1.5 s, growing at most linearly from 10M | "
                + "slowest p95 over HTTP 900 ms (funnel_8_steps); at most 9.0× its 10M p95 (funnel_8_steps); "
                + "medians at most 8.9× (funnel_8_steps) | yes |");
        assertThat(md).contains("| 100M | overview | – | – | 400 | – | – / 5200, not 200 | – / – |");
        String[] faster = lines.clone();
        faster[2] = "RESULT query_http_10000000_overview p50_ms=30 p95_ms=35 iterations=100 failed=0";
        assertThat(render(faster)).as("overview grew 11.4 times")
                .contains("at most 11.4× its 10M p95 (overview); medians at most 10.0× (overview) | no |");
    }

    @Test
    void showsIngestWithProcessingOnTheSameCpusAsItsOwnRow() {
        String md = render(
                "RESULT ceiling_camel_c64 connections=64 requests=300000 seconds=15 rps=20000.0 p50_ms=3 p99_ms=6 p999_ms=9 errors=0 non2xx=0",
                "RESULT ingest_c64_processing connections=64 requests=90000 seconds=15 rps=6000.0 p50_ms=8 p99_ms=30 p999_ms=40 errors=0 non2xx=0");

        assertThat(md).contains("| 64, processing on the same CPUs | 6,000 | 8.00 | 30.0 | 40.0 | 0 | 20,000 | 30% |");
    }

    @Test
    void rendersEachProfileByLibraryClassThreadAndMethod() {
        Profile profile = new Profile();
        profile.add("vert.x-eventloop-thread-1", List.of("io.netty.channel.nio.NioEventLoop.run"));
        profile.add("vert.x-worker-thread-12", List.of("java.lang.String.hashCode",
                "com.fasterxml.jackson.core.json.ReaderBasedJsonParser.nextToken",
                "io.trackingsystem.gateway.ingest.NativeFormat.read", "org.apache.camel.Foo.process"));
        profile.add("vert.x-worker-thread-3", List.of("io.trackingsystem.gateway.ingest.Fields.url",
                "io.trackingsystem.gateway.ingest.NativeFormat.read"));
        profile.add("ingest-a9f3c2d1-0", List.of("io.micrometer.core.instrument.MeterRegistry.getMeters",
                "org.apache.camel.component.micrometer.Policy.done"));
        List<String> lines = new ArrayList<>();
        profile.lines("gateway").forEach(line -> lines.add(line.toString()));

        String md = render(lines.toArray(String[]::new));

        assertThat(md).contains("### gateway", "4 samples.");
        assertThat(md).contains("| `Netty (network I/O)` | 25.0% |", "| `JDK (strings, collections, other)` | 25.0% |",
                "| `Tracking System code` | 25.0% |", "| `Micrometer (metrics)` | 25.0% |");
        assertThat(md).contains("| `NativeFormat` | 25.0% |", "| `Fields` | 25.0% |", "| `(none)` | 50.0% |");
        assertThat(md).contains("| `vert.x-worker-thread-N` | 50.0% |", "| `ingest-N-N` | 25.0% |");
        assertThat(md).contains("| `java.lang.String.hashCode` | 25.0% |");
    }

    private static String render(String... lines) {
        return new Report(Results.parse(List.of(lines)), MACHINE).render();
    }
}
