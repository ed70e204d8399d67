package io.trackingsystem.operator.dependent;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.trackingsystem.operator.api.ManagedRedisSpec;
import io.trackingsystem.operator.api.TrackingSystem;

/** Redis Stack with an append-only file on a PersistentVolumeClaim. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class RedisStatefulSetDependent extends CRUDKubernetesDependentResource<StatefulSet, TrackingSystem> {

  static final String COMPONENT = RedisServiceDependent.COMPONENT;

  @Override
  protected StatefulSet desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var redis = primary.getSpec().getRedis().getManaged();
    var statefulSet = Manifests.load(StatefulSet.class, "redis-statefulset.yaml", primary, Names.redis(primary), COMPONENT);
    var spec = statefulSet.getSpec();
    spec.setServiceName(Names.redis(primary));
    spec.getSelector().setMatchLabels(Labels.selector(primary, COMPONENT));
    spec.getTemplate().getMetadata().setLabels(Labels.of(primary, COMPONENT));
    // Deleting the StatefulSet deletes its claims only when the tenant did not ask to keep them.
    spec.getPersistentVolumeClaimRetentionPolicy()
        .setWhenDeleted(redis.getStorage().isKeepOnDelete() ? "Retain" : "Delete");

    var container = spec.getTemplate().getSpec().getContainers().get(0);
    container.setImage(redis.getImage());
    container.setResources(redis.getResources());
    var env = container.getEnv();
    env.get(0).getValueFrom().getSecretKeyRef().setName(Names.redisPasswordSecret(primary));
    env.get(1).setValue(redisArgs(redis));

    var claim = spec.getVolumeClaimTemplates().get(0);
    claim.getSpec().getResources().setRequests(Map.of("storage", new Quantity(redis.getStorage().getSize())));
    claim.getSpec().setStorageClassName(redis.getStorage().getStorageClassName());
    keepExistingClaimTemplates(statefulSet, context);
    return statefulSet;
  }

  // Also called when switching to external Redis to find what to delete, when desired() cannot run.
  @Override
  protected ResourceID targetSecondaryResourceID(TrackingSystem primary, Context<TrackingSystem> context) {
    return new ResourceID(Names.redis(primary), primary.getMetadata().getNamespace());
  }

  private static String redisArgs(ManagedRedisSpec redis) {
    return "--requirepass $(" + RedisConnection.PASSWORD_ENV + ")"
        + " --appendonly yes"
        + " --appendfsync " + redis.getPersistence().getAppendfsync().name();
  }

  /**
   * Claim templates are immutable once the StatefulSet exists; sending a new size would make every
   * update fail. A larger volume is a PVC expansion, which the storage class must allow.
   */
  private static void keepExistingClaimTemplates(StatefulSet desired, Context<TrackingSystem> context) {
    context.getSecondaryResource(StatefulSet.class)
        .ifPresent(actual -> desired.getSpec().setVolumeClaimTemplates(actual.getSpec().getVolumeClaimTemplates()));
  }
}
