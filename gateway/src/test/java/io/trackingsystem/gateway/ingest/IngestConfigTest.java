package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestConfigTest {

    @Test
    void keepsTheBacklogLimitBelowTheStreamLength() {
        IngestConfig defaults = IngestConfig.from(Env.of(Map.of()));
        assertThat(defaults.maxBacklog()).isLessThan(defaults.maxStreamLength());

        assertThatThrownBy(() -> IngestConfig.from(Env.of(Map.of("INGEST_MAX_BACKLOG", "1000000"))))
                .hasMessageContaining("INGEST_MAX_BACKLOG (1000000) must be below INGEST_MAX_STREAM_LENGTH (1000000)");
        assertThatThrownBy(() -> IngestConfig.from(Env.of(Map.of("INGEST_MAX_STREAM_LENGTH", "100000"))))
                .hasMessageContaining("must be below");
        assertThat(IngestConfig.from(Env.of(Map.of("INGEST_MAX_STREAM_LENGTH", "100000", "INGEST_MAX_BACKLOG",
                "50000"))).maxBacklog()).isEqualTo(50_000);
    }
}
