package io.trackingsystem.operator.reconciler;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.OperatorHarness;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.dependent.Component;

import static io.trackingsystem.operator.OperatorHarness.NAMESPACE;
import static io.trackingsystem.operator.OperatorHarness.eventually;
import static io.trackingsystem.operator.dependent.ServiceDeploymentsDependent.CONFIG_HASH_ANNOTATION;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.container;
import static org.assertj.core.api.Assertions.assertThat;

class SpecChangesTest {

  private OperatorHarness harness;
  private TrackingSystem primary;

  @BeforeEach
  void runningTenant() throws Exception {
    harness = OperatorHarness.start();
    primary = harness.create(Fixtures.managedRedis("acme"));
    harness.markRedisReady(primary);
    eventually().until(() -> harness.deployment(primary, Component.TRACKING_SERVICE) != null);
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void rollsOutReplicaAndImageChanges() {
    harness.edit("acme", ts -> {
      ts.getSpec().getUserService().setReplicas(3);
      ts.getSpec().setVersion("0.2.0");
      ts.getSpec().getGateway().getImage().setRegistry("registry.example.com/analytics");
      return ts;
    });

    eventually().untilAsserted(() -> {
      assertThat(harness.deployment(primary, Component.USER_SERVICE).getSpec().getReplicas()).isEqualTo(3);
      assertThat(container(harness.deployment(primary, Component.USER_SERVICE)).getImage())
          .isEqualTo("ghcr.io/trackingsystem/user-service:0.2.0");
      assertThat(container(harness.deployment(primary, Component.GATEWAY)).getImage())
          .isEqualTo("registry.example.com/analytics/gateway:0.2.0");
    });
    eventually().until(() -> harness.client().policy().v1().podDisruptionBudget()
        .inNamespace(NAMESPACE).withName("acme-user-service").get() != null);

    harness.edit("acme", ts -> {
      ts.getSpec().getUserService().setReplicas(1);
      return ts;
    });
    eventually().until(() -> harness.client().policy().v1().podDisruptionBudget()
        .inNamespace(NAMESPACE).withName("acme-user-service").get() == null);
  }

  @Test
  void keepsGeneratedSecretsAcrossReconciles() {
    var before = secrets();

    for (int days = 91; days <= 95; days++) {
      var eventDays = days;
      var edited = harness.edit("acme", ts -> {
        ts.getSpec().getRetention().setEventDays(eventDays);
        return ts;
      });
      var generation = edited.getMetadata().getGeneration();
      eventually().until(() -> generation.equals(harness.get("acme").getStatus().getObservedGeneration()));
    }

    assertThat(harness.client().configMaps().inNamespace(NAMESPACE).withName("acme-config").get().getData())
        .containsEntry("EVENT_RETENTION_DAYS", "95");
    assertThat(secrets()).isEqualTo(before);
  }

  @Test
  void rollsPodsWhenConfigChanges() {
    var hashBefore = configHash(Component.TRACKING_SERVICE);

    harness.edit("acme", ts -> {
      ts.getSpec().getRetention().setEventDays(365);
      return ts;
    });

    eventually().until(() -> !configHash(Component.TRACKING_SERVICE).equals(hashBefore));
    assertThat(harness.client().configMaps().inNamespace(NAMESPACE).withName("acme-config").get().getData())
        .containsEntry("EVENT_RETENTION_DAYS", "365");
  }

  private String configHash(Component component) {
    return harness.deployment(primary, component).getSpec().getTemplate().getMetadata().getAnnotations()
        .get(CONFIG_HASH_ANNOTATION);
  }

  /** Name to data and uid: a Secret deleted and recreated with the same data would still differ. */
  private Map<String, Object> secrets() {
    var secrets = new HashMap<String, Object>();
    for (var name : new String[] {"acme-jwt-keys", "acme-redis-password"}) {
      Secret secret = harness.client().secrets().inNamespace(NAMESPACE).withName(name).get();
      secrets.put(name, Map.of("data", secret.getData(), "uid", secret.getMetadata().getUid()));
    }
    return secrets;
  }
}
