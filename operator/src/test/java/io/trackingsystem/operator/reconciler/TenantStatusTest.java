package io.trackingsystem.operator.reconciler;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.OperatorHarness;
import io.trackingsystem.operator.api.ExternalRedisSpec;
import io.trackingsystem.operator.api.TrackingSystem;

import static io.trackingsystem.operator.OperatorHarness.NAMESPACE;
import static io.trackingsystem.operator.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

class TenantStatusTest {

  private OperatorHarness harness;

  @BeforeEach
  void startOperator() throws Exception {
    harness = OperatorHarness.start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void becomesReadyOnceRedisAndServicesReportReady() {
    var primary = harness.create(Fixtures.managedRedis("acme"));
    eventually().until(() -> condition("acme", "Ready") != null);
    assertThat(condition("acme", "Ready").getStatus()).isEqualTo("False");
    assertThat(condition("acme", "Ready").getMessage()).contains("redis 0/1");
    assertThat(condition("acme", "Progressing").getStatus()).isEqualTo("True");

    harness.markRedisReady(primary);
    harness.markServicesReady(primary);

    eventually().until(() -> "True".equals(statusOf("acme", "Ready")));
    var status = harness.get("acme").getStatus();
    assertThat(status.getDashboardUrl()).isEqualTo("https://acme.example.com/");
    assertThat(status.getReadyReplicas())
        .containsEntry("redis", 1).containsEntry("gateway", 1).containsEntry("user-service", 1).containsEntry("tracking-service", 1);
    assertThat(condition("acme", "Progressing").getStatus()).isEqualTo("False");
    assertThat(condition("acme", "Degraded").getStatus()).isEqualTo("False");
    assertThat(status.getObservedGeneration()).isEqualTo(harness.get("acme").getMetadata().getGeneration());
  }

  @Test
  void observedGenerationFollowsTheSpec() {
    var primary = harness.create(Fixtures.managedRedis("acme"));
    harness.markRedisReady(primary);
    harness.markServicesReady(primary);
    eventually().until(() -> "True".equals(statusOf("acme", "Ready")));
    var readySince = condition("acme", "Ready").getLastTransitionTime();

    // Touches only the Ingress: the services keep running, so Ready never flips.
    var edited = harness.edit("acme", ts -> {
      ts.getSpec().getIngress().getAnnotations().put("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
      return ts;
    });

    var generation = edited.getMetadata().getGeneration();
    assertThat(generation).isGreaterThan(primary.getMetadata().getGeneration());
    eventually().until(() -> generation.equals(harness.get("acme").getStatus().getObservedGeneration()));
    assertThat(condition("acme", "Ready").getLastTransitionTime()).isEqualTo(readySince);
    assertThat(condition("acme", "Ready").getObservedGeneration()).isEqualTo(generation);
    assertThat(harness.client().network().v1().ingresses().inNamespace(NAMESPACE).withName("acme").get()
        .getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
  }

  @Test
  void reportsInvalidSpecAsDegradedWithoutRetrying() {
    var invalid = Fixtures.managedRedis("broken");
    invalid.getSpec().getRedis().setExternal(new ExternalRedisSpec());
    harness.create(invalid);

    eventually().until(() -> condition("broken", "Degraded") != null);
    var degraded = condition("broken", "Degraded");
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("InvalidSpec");
    assertThat(degraded.getMessage()).contains("exactly one of redis.managed and redis.external");
    assertThat(condition("broken", "Ready").getStatus()).isEqualTo("False");
    assertThat(harness.client().secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();

    var reconciles = harness.metrics().prometheusText();
    eventually().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> harness.metrics().prometheusText().equals(reconciles));

    harness.edit("broken", ts -> {
      ts.getSpec().getRedis().setExternal(null);
      return ts;
    });
    eventually().until(() -> "False".equals(statusOf("broken", "Degraded")));
    eventually().until(() -> harness.client().apps().statefulSets().inNamespace(NAMESPACE).withName("broken-redis").get() != null);
  }

  @Test
  void refusesToShrinkRedisStorage() {
    var spec = Fixtures.managedRedis("acme");
    spec.getSpec().getRedis().getManaged().getStorage().setSize("10Gi");
    harness.create(spec);
    eventually().until(() -> harness.client().apps().statefulSets().inNamespace(NAMESPACE).withName("acme-redis").get() != null);

    harness.edit("acme", ts -> {
      ts.getSpec().getRedis().getManaged().getStorage().setSize("5Gi");
      return ts;
    });

    eventually().until(() -> "True".equals(statusOf("acme", "Degraded")));
    assertThat(condition("acme", "Degraded").getMessage()).contains("cannot shrink below 10Gi");
  }

  private String statusOf(String name, String type) {
    var condition = condition(name, type);
    return condition == null ? null : condition.getStatus();
  }

  private Condition condition(String name, String type) {
    TrackingSystem trackingSystem = harness.get(name);
    if (trackingSystem.getStatus() == null) {
      return null;
    }
    return trackingSystem.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
