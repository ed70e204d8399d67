package io.trackingsystem.operator;

import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.function.UnaryOperator;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.dependent.Component;
import io.trackingsystem.operator.dependent.Names;
import io.trackingsystem.operator.reconciler.TrackingSystemReconciler;

/**
 * The operator running against the fabric8 mock API server in CRUD mode. The mock stores objects
 * but runs no controllers, so tests play the part of the StatefulSet and Deployment controllers.
 */
public final class OperatorHarness implements AutoCloseable {

  public static final String NAMESPACE = "tenant-a";
  static final Path GENERATED_CRD = Path.of("target/classes/META-INF/fabric8/trackingsystems.trackingsystem.io-v1.yml");

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Operator operator;
  private final ReconcileMetrics metrics = new ReconcileMetrics();

  private OperatorHarness() throws Exception {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    client = server.createClient();
    try (var crd = java.nio.file.Files.newInputStream(GENERATED_CRD)) {
      client.load(crd).create();
    }
    operator = new Operator(overrider -> overrider
        .withKubernetesClient(client)
        .withMetrics(metrics)
        // The mock answers server-side apply with 415, so tests use plain patches and updates.
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false)
        .withCloseClientOnStop(false));
    operator.register(new TrackingSystemReconciler(), controller -> controller.watchingAllNamespaces());
    operator.start();
  }

  public static OperatorHarness start() throws Exception {
    return new OperatorHarness();
  }

  public KubernetesClient client() {
    return client;
  }

  public ReconcileMetrics metrics() {
    return metrics;
  }

  public static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100));
  }

  public TrackingSystem create(TrackingSystem trackingSystem) {
    return client.resource(trackingSystem).create();
  }

  public TrackingSystem get(String name) {
    return client.resources(TrackingSystem.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Edits like kubectl edit: the operator may write the status meanwhile, so a conflict is retried. */
  public TrackingSystem edit(String name, UnaryOperator<TrackingSystem> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resources(TrackingSystem.class).inNamespace(NAMESPACE).withName(name).edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  public Deployment deployment(TrackingSystem primary, Component component) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(component.resourceName(primary)).get();
  }

  /** What the StatefulSet controller would report once the Redis pod passes its probe. */
  public void markRedisReady(TrackingSystem primary) {
    eventually().until(() -> client.apps().statefulSets().inNamespace(NAMESPACE).withName(Names.redis(primary)).get() != null);
    client.apps().statefulSets().inNamespace(NAMESPACE).withName(Names.redis(primary)).editStatus(statefulSet -> {
      statefulSet.setStatus(new StatefulSetStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
      return statefulSet;
    });
  }

  /** What the Deployment controller would report once every pod is ready. */
  public void markServicesReady(TrackingSystem primary) {
    for (var component : Component.values()) {
      eventually().until(() -> deployment(primary, component) != null);
      client.apps().deployments().inNamespace(NAMESPACE).withName(component.resourceName(primary)).editStatus(deployment -> {
        var replicas = deployment.getSpec().getReplicas();
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas).build());
        return deployment;
      });
    }
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
    server.destroy();
  }
}
