package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingConfigTest {

    @Test
    void readsWorkerSettingsWithTheirDefaults() {
        TrackingConfig defaults = TrackingConfig.from(Env.of(Map.of()));
        assertThat(defaults.batchSize()).isEqualTo(2000);
        assertThat(defaults.linger()).isEqualTo(Duration.ofMillis(25));
        assertThat(defaults.workers()).isEqualTo(2);

        TrackingConfig set = TrackingConfig.from(Env.of(Map.of("WORKER_BATCH_SIZE", "500", "WORKER_LINGER_MS", "0")));
        assertThat(set.batchSize()).isEqualTo(500);
        assertThat(set.linger()).isZero();
    }

    @Test
    void refusesWorkerSettingsOutOfRange() {
        assertThatThrownBy(() -> TrackingConfig.from(Env.of(Map.of("WORKER_LINGER_MS", "1001"))))
                .hasMessageContaining("WORKER_LINGER_MS");
        assertThatThrownBy(() -> TrackingConfig.from(Env.of(Map.of("WORKER_LINGER_MS", "-1"))))
                .hasMessageContaining("WORKER_LINGER_MS");
        assertThatThrownBy(() -> TrackingConfig.from(Env.of(Map.of("WORKER_BATCH_SIZE", "5001"))))
                .hasMessageContaining("WORKER_BATCH_SIZE");
    }
}
