package io.trackingsystem.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * The gateway, user-service and tracking-service Deployments. They share one base manifest and
 * differ only in image, replicas, a few environment variables and the gateway's geolocation
 * volume, hence one bulk dependent.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class ServiceDeploymentsDependent extends KubernetesDependentResource<Deployment, TrackingSystem>
    implements CRUDKubernetesBulkDependentResource<Deployment, TrackingSystem>,
        KubernetesBulkDependentResource<Deployment, TrackingSystem>,
        GarbageCollected<TrackingSystem> {

  public static final String CONFIG_HASH_ANNOTATION = "trackingsystem.io/config-hash";

  @Override
  public Map<ResourceID, Deployment> desiredResources(TrackingSystem primary, Context<TrackingSystem> context) {
    var deployments = new LinkedHashMap<ResourceID, Deployment>();
    for (var component : Component.values()) {
      var deployment = deploymentFor(primary, component, context);
      deployments.put(ResourceID.fromResource(deployment), deployment);
    }
    return deployments;
  }

  private static Deployment deploymentFor(TrackingSystem primary, Component component, Context<TrackingSystem> context) {
    var deployment = Manifests.load(Deployment.class, "service-deployment.yaml", primary,
        component.resourceName(primary), component.id());
    var spec = deployment.getSpec();
    spec.setReplicas(component.specOf(primary).getReplicas());
    spec.getSelector().setMatchLabels(Labels.selector(primary, component.id()));

    var template = spec.getTemplate();
    template.getMetadata().setLabels(Labels.of(primary, component.id()));
    primary.getSpec().getImage().getPullSecrets()
        .forEach(name -> template.getSpec().getImagePullSecrets().add(new LocalObjectReference(name)));

    var container = template.getSpec().getContainers().get(0);
    container.setName(component.id());
    container.setImage(Images.reference(primary, component));
    container.setImagePullPolicy(Images.pullPolicy(primary, component));
    container.setResources(component.specOf(primary).getResources());
    container.getEnvFrom().get(0).getConfigMapRef().setName(Names.config(primary));

    var secretEnv = SecretEnv.of(primary, component);
    secretEnv.forEach((name, ref) -> container.getEnv().add(
        new EnvVarBuilder().withName(name).withNewValueFrom().withSecretKeyRef(ref).endValueFrom().build()));
    container.getEnv().add(new EnvVar("REDIS_URL", RedisConnection.url(primary), null));
    RedisConnection.clusterNodes(primary).ifPresent(nodes ->
        container.getEnv().add(new EnvVar("REDIS_CLUSTER_NODES", nodes, null)));
    if (component == Component.GATEWAY) {
      container.getEnv().add(new EnvVar("PORT", String.valueOf(DashboardUrl.GATEWAY_PORT), null));
      container.getPorts().add(0, new ContainerPortBuilder()
          .withName("http").withContainerPort(DashboardUrl.GATEWAY_PORT).withProtocol("TCP").build());
      GatewayGeolocation.apply(primary.getSpec().getGeo(), template.getSpec(), container);
    }
    template.getMetadata().getAnnotations()
        .put(CONFIG_HASH_ANNOTATION, ConfigHash.of(primary, component, secretEnv.values(), context));
    return deployment;
  }
}
