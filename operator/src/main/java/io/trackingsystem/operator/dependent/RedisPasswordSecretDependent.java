package io.trackingsystem.operator.dependent;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.trackingsystem.operator.api.TrackingSystem;

/** The managed Redis password. Created once and never updated, like the JWT keys. */
@KubernetesDependent(informer = @Informer(labelSelector = RedisPasswordSecretDependent.SELECTOR))
public class RedisPasswordSecretDependent extends KubernetesDependentResource<Secret, TrackingSystem>
    implements Creator<Secret, TrackingSystem>, GarbageCollected<TrackingSystem> {

  static final String COMPONENT = "redis-password";
  static final String SELECTOR = Labels.MANAGED + "," + Labels.COMPONENT + "=" + COMPONENT;

  @Override
  protected Secret desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var secret = Manifests.load(Secret.class, "secret.yaml", primary, Names.redisPasswordSecret(primary), COMPONENT);
    secret.setData(Map.of(RedisConnection.PASSWORD_KEY, KeyMaterial.base64(KeyMaterial.password())));
    return secret;
  }

  @Override
  protected ResourceID targetSecondaryResourceID(TrackingSystem primary, Context<TrackingSystem> context) {
    return new ResourceID(Names.redisPasswordSecret(primary), primary.getMetadata().getNamespace());
  }
}
