package io.trackingsystem.operator.reconciler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.api.TrackingSystemStatus;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {

  private final StatusReport report = new StatusReport(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void failureMarksDegradedButKeepsLastKnownReadiness() {
    var primary = Fixtures.externalRedis("acme", "redis://cache:6379/0", "pw");
    primary.getMetadata().setGeneration(4L);
    var components = new LinkedHashMap<String, ComponentReadiness>();
    components.put("gateway", new ComponentReadiness(2, 2));
    primary.setStatus(report.observed(primary, components));

    TrackingSystemStatus failed = report.failed(primary, new IllegalStateException("deployments is forbidden"));

    assertThat(condition(failed, "Degraded").getStatus()).isEqualTo("True");
    assertThat(condition(failed, "Degraded").getReason()).isEqualTo("ReconcileFailed");
    assertThat(condition(failed, "Degraded").getMessage()).isEqualTo("deployments is forbidden");
    assertThat(condition(failed, "Ready").getStatus()).isEqualTo("True");
    assertThat(failed.getReadyReplicas()).containsEntry("gateway", 2);
    assertThat(failed.getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void namesTheComponentsStillStarting() {
    var primary = Fixtures.managedRedis("acme");
    var components = new LinkedHashMap<String, ComponentReadiness>();
    components.put("redis", new ComponentReadiness(1, 1));
    components.put("gateway", new ComponentReadiness(1, 3));

    var status = report.observed(primary, components);

    assertThat(condition(status, "Ready").getMessage()).isEqualTo("waiting for gateway 1/3");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
    assertThat(status.getDashboardUrl()).isEqualTo("https://acme.example.com/");
  }

  private static Condition condition(TrackingSystemStatus status, String type) {
    return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }
}
