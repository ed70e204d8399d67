package io.trackingsystem.operator.reconciler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.OperatorHarness;
import io.trackingsystem.operator.api.JwtKeysSecretRef;
import io.trackingsystem.operator.dependent.Component;

import static io.trackingsystem.operator.OperatorHarness.NAMESPACE;
import static io.trackingsystem.operator.OperatorHarness.eventually;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.container;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.env;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.secretRef;
import static org.assertj.core.api.Assertions.assertThat;

class ExternalRedisTenantTest {

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
  void connectsServicesToExternalRedisWithoutStatefulSet() {
    var spec = Fixtures.externalRedis("shared", "rediss://redis.example.net:6380/2", "redis-credentials");
    var keys = new JwtKeysSecretRef();
    keys.setName("company-jwt");
    spec.getSpec().getAuth().setExistingKeysSecret(keys);
    var primary = harness.create(spec);

    eventually().until(() -> harness.client().apps().deployments().inNamespace(NAMESPACE).list().getItems().size() == 3);

    for (var component : Component.values()) {
      var container = container(harness.deployment(primary, component));
      assertThat(env(container, "REDIS_URL")).isEqualTo("rediss://:$(REDIS_PASSWORD)@redis.example.net:6380/2");
      assertThat(secretRef(container, "REDIS_PASSWORD")).isEqualTo("redis-credentials/password");
    }
    var users = container(harness.deployment(primary, Component.USER_SERVICE));
    assertThat(secretRef(users, "JWT_PRIVATE_KEY")).isEqualTo("company-jwt/jwt-private-key.pem");
    var client = harness.client();
    assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(client.services().inNamespace(NAMESPACE).withName("shared-redis").get()).isNull();
    assertThat(client.network().networkPolicies().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(client.network().v1().ingresses().inNamespace(NAMESPACE).list().getItems()).isEmpty();
  }

  @Test
  void pointsServicesAtAnExternalRedisClusterThroughItsNodes() {
    var spec = Fixtures.externalRedis("sharded", "rediss://redis-0.example.net:6379", "cluster-credentials");
    spec.getSpec().getRedis().getExternal().setClusterNodes(
        java.util.List.of("redis-0.example.net:6379", "redis-1.example.net:6379", "redis-2.example.net:6379"));
    var primary = harness.create(spec);

    eventually().until(() -> harness.client().apps().deployments().inNamespace(NAMESPACE).list().getItems().size() == 3);

    for (var component : Component.values()) {
      var container = container(harness.deployment(primary, component));
      assertThat(env(container, "REDIS_CLUSTER_NODES"))
          .isEqualTo("redis-0.example.net:6379,redis-1.example.net:6379,redis-2.example.net:6379");
      assertThat(env(container, "REDIS_URL")).isEqualTo("rediss://:$(REDIS_PASSWORD)@redis-0.example.net:6379");
      assertThat(secretRef(container, "REDIS_PASSWORD")).isEqualTo("cluster-credentials/password");
    }
    assertThat(harness.client().apps().statefulSets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
  }

  @Test
  void refusesClusterNodesThatAreNotHostAndPort() {
    var spec = Fixtures.externalRedis("sharded", "redis://redis-0.example.net:6379", "cluster-credentials");
    spec.getSpec().getRedis().getExternal().setClusterNodes(java.util.List.of("redis-0.example.net:6379", "redis-1"));

    assertThat(SpecValidator.problems(spec.getSpec(), java.util.Optional.empty()))
        .containsExactly("redis.external.clusterNodes must be host:port entries");
  }

  @Test
  void removesManagedRedisWhenSwitchingToExternal() {
    var primary = harness.create(Fixtures.managedRedis("moving"));
    harness.markRedisReady(primary);
    eventually().until(() -> harness.deployment(primary, Component.GATEWAY) != null);

    harness.edit("moving", ts -> {
      ts.getSpec().getRedis().setManaged(null);
      ts.getSpec().getRedis().setExternal(Fixtures.externalRedis("x", "redis://cache.internal:6379/0", "cache-password")
          .getSpec().getRedis().getExternal());
      return ts;
    });

    var client = harness.client();
    eventually().untilAsserted(() -> {
      assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName("moving-redis").get()).isNull();
      assertThat(client.services().inNamespace(NAMESPACE).withName("moving-redis").get()).isNull();
      assertThat(client.secrets().inNamespace(NAMESPACE).withName("moving-redis-password").get()).isNull();
      assertThat(env(container(harness.deployment(primary, Component.GATEWAY)), "REDIS_URL"))
          .isEqualTo("redis://:$(REDIS_PASSWORD)@cache.internal:6379/0");
    });
    assertThat(client.secrets().inNamespace(NAMESPACE).withName("moving-jwt-keys").get()).isNotNull();
  }
}
