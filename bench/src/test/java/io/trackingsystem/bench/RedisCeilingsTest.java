package io.trackingsystem.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCeilingsTest {

    @Test
    void readsThroughputAndMedianFromRedisBenchmarkCsv() {
        String output = """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "XADD bench:ceiling:xadd MAXLEN ~ 1000000 * a 0 e xxxx","312500.00","2.385","0.376","2.311","3.351","4.031","6.199"
                """;

        double[] figures = RedisCeilings.csvFigures(output);

        assertThat(figures[0]).isEqualTo(312_500.0);
        assertThat(figures[1]).isEqualTo(2.311);
    }

    @Test
    void toleratesCommasInsideTheCommandName() {
        String output = """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "PUBLISH a,b","1000.00","1","1","0.5","1","1","1"
                """;

        assertThat(RedisCeilings.csvFigures(output)).containsExactly(1000.0, 0.5);
    }
}
