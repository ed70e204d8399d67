package io.trackingsystem.operator.reconciler;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.OperatorHarness;
import io.trackingsystem.operator.dependent.Component;
import io.trackingsystem.operator.dependent.Names;
import io.trackingsystem.operator.dependent.ServiceDeploymentsDependent;

import static io.trackingsystem.operator.OperatorHarness.NAMESPACE;
import static io.trackingsystem.operator.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ManagedRedisTenantTest {

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
  void createsEveryResourceForManagedRedis() {
    var spec = Fixtures.managedRedis("acme");
    spec.getSpec().getGateway().setReplicas(2);
    spec.getSpec().getTrackingService().getImage().setTag("0.1.1");
    var primary = harness.create(spec);
    var client = harness.client();

    eventually().until(() -> client.apps().statefulSets().inNamespace(NAMESPACE).withName("acme-redis").get() != null);
    var statefulSet = client.apps().statefulSets().inNamespace(NAMESPACE).withName("acme-redis").get();
    var redis = statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(redis.getImage()).isEqualTo("redis/redis-stack-server:7.4.0-v1");
    assertThat(env(redis, "REDIS_ARGS")).contains("--appendonly yes", "--appendfsync everysec", "--requirepass $(REDIS_PASSWORD)");
    assertThat(redis.getEnv().get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("acme-redis-password");
    assertThat(statefulSet.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("1Gi");
    assertThat(statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertThat(statefulSet.getSpec().getServiceName()).isEqualTo("acme-redis");

    var headless = client.services().inNamespace(NAMESPACE).withName("acme-redis").get();
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    var policy = client.network().networkPolicies().inNamespace(NAMESPACE).withName("acme-redis").get();
    assertThat(policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "acme")
        .doesNotContainKey("app.kubernetes.io/component");
    assertThat(client.secrets().inNamespace(NAMESPACE).withName("acme-redis-password").get().getData())
        .containsKey("password");
    assertThat(client.secrets().inNamespace(NAMESPACE).withName("acme-jwt-keys").get().getData())
        .containsOnlyKeys("jwt-private-key.pem", "jwt-public-key.pem");
    var config = client.configMaps().inNamespace(NAMESPACE).withName("acme-config").get();
    assertThat(config.getData())
        .containsEntry("EVENT_RETENTION_DAYS", "730")
        .containsEntry("INGEST_RATE_LIMIT_PER_SECOND", "1000")
        .containsEntry("INGEST_MAX_STREAM_LENGTH", "1000000")
        .containsEntry("INGEST_MAX_BACKLOG", "500000")
        .containsEntry("ACCESS_TOKEN_TTL_SECONDS", "3600")
        .containsEntry("DASHBOARD_ORIGIN", "https://acme.example.com")
        .containsEntry("TRUSTED_PROXIES", "1");
    var ingress = client.network().v1().ingresses().inNamespace(NAMESPACE).withName("acme").get();
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("acme.example.com");
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("acme-tls");
    assertThat(client.services().inNamespace(NAMESPACE).withName("acme-gateway").get().getSpec().getSelector())
        .containsEntry("app.kubernetes.io/component", "gateway");

    harness.markRedisReady(primary);
    eventually().until(() -> List.of(Component.values()).stream().allMatch(c -> harness.deployment(primary, c) != null));

    var gateway = harness.deployment(primary, Component.GATEWAY);
    assertThat(gateway.getSpec().getReplicas()).isEqualTo(2);
    var gatewayContainer = container(gateway);
    assertThat(gatewayContainer.getImage()).isEqualTo("ghcr.io/trackingsystem/gateway:0.1.0");
    assertThat(env(gatewayContainer, "PORT")).isEqualTo("8080");
    assertThat(env(gatewayContainer, "REDIS_URL")).isEqualTo("redis://:$(REDIS_PASSWORD)@acme-redis:6379/0");
    assertThat(names(gatewayContainer.getEnv())).containsSubsequence("REDIS_PASSWORD", "REDIS_URL");
    assertThat(gatewayContainer.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("acme-config");
    assertThat(gatewayContainer.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
    assertThat(gatewayContainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
    assertThat(gatewayContainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(gatewayContainer.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(gatewayContainer.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(gateway.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(gatewayContainer.getVolumeMounts()).anyMatch(mount -> mount.getMountPath().equals("/tmp"));
    assertThat(gateway.getSpec().getTemplate().getSpec().getVolumes().get(0).getEmptyDir()).isNotNull();
    assertThat(gateway.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey(ServiceDeploymentsDependent.CONFIG_HASH_ANNOTATION);
    assertThat(gatewayContainer.getEnv()).anyMatch(e -> e.getName().equals("INSTANCE_ID")
        && e.getValueFrom().getFieldRef().getFieldPath().equals("metadata.name"));

    var users = container(harness.deployment(primary, Component.USER_SERVICE));
    assertThat(users.getImage()).isEqualTo("ghcr.io/trackingsystem/user-service:0.1.0");
    assertThat(secretRef(users, "JWT_PRIVATE_KEY")).isEqualTo("acme-jwt-keys/jwt-private-key.pem");
    assertThat(secretRef(users, "JWT_PUBLIC_KEY")).isEqualTo("acme-jwt-keys/jwt-public-key.pem");
    assertThat(names(users.getEnv())).doesNotContain("PORT");
    var tracking = container(harness.deployment(primary, Component.TRACKING_SERVICE));
    assertThat(tracking.getImage()).isEqualTo("ghcr.io/trackingsystem/tracking-service:0.1.1");
    assertThat(names(tracking.getEnv())).doesNotContain("JWT_PRIVATE_KEY");

    eventually().until(() -> client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).withName("acme-gateway").get() != null);
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).list().getItems())
        .extracting(budget -> budget.getMetadata().getName())
        .containsExactly("acme-gateway");

    var owned = List.<HasMetadata>of(statefulSet, headless, policy, config, ingress, gateway,
        client.secrets().inNamespace(NAMESPACE).withName("acme-jwt-keys").get());
    for (var resource : owned) {
      assertThat(resource.getMetadata().getOwnerReferences())
          .as("owner of %s %s", resource.getKind(), resource.getMetadata().getName())
          .extracting(OwnerReference::getKind, OwnerReference::getName, OwnerReference::getUid)
          .containsExactly(tuple("TrackingSystem", "acme", primary.getMetadata().getUid()));
    }
  }

  @Test
  void startsServicesOnlyAfterRedisIsReady() {
    var primary = harness.create(Fixtures.managedRedis("slow"));
    var client = harness.client();
    eventually().until(() -> client.configMaps().inNamespace(NAMESPACE).withName("slow-config").get() != null);
    eventually().until(() -> client.apps().statefulSets().inNamespace(NAMESPACE).withName(Names.redis(primary)).get() != null);

    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();

    harness.markRedisReady(primary);
    eventually().until(() -> client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size() == 3);
  }

  @Test
  void deletesRedisVolumeWithTenantOnlyWhenNotKept() {
    var spec = Fixtures.managedRedis("scratch");
    spec.getSpec().getRedis().getManaged().getStorage().setKeepOnDelete(false);
    harness.create(spec);

    eventually().until(() -> harness.client().apps().statefulSets().inNamespace(NAMESPACE).withName("scratch-redis").get() != null);
    assertThat(harness.client().apps().statefulSets().inNamespace(NAMESPACE).withName("scratch-redis").get()
        .getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Delete");
  }

  static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static String env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().map(EnvVar::getValue).orElse(null);
  }

  static String secretRef(Container container, String name) {
    var ref = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow()
        .getValueFrom().getSecretKeyRef();
    return ref.getName() + "/" + ref.getKey();
  }

  static List<String> names(List<EnvVar> env) {
    return env.stream().map(EnvVar::getName).toList();
  }
}
