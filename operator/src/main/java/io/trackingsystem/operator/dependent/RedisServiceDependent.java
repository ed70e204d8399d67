package io.trackingsystem.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trackingsystem.operator.api.TrackingSystem;

/** The headless Service that names the managed Redis pod. */
@KubernetesDependent(informer = @Informer(labelSelector = RedisServiceDependent.SELECTOR))
public class RedisServiceDependent extends CRUDKubernetesDependentResource<Service, TrackingSystem> {

  static final String COMPONENT = "redis";
  static final String SELECTOR = Labels.MANAGED + "," + Labels.COMPONENT + "=" + COMPONENT;

  @Override
  protected Service desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var service = Manifests.load(Service.class, "redis-service.yaml", primary, Names.redis(primary), COMPONENT);
    service.getSpec().setSelector(Labels.selector(primary, COMPONENT));
    return service;
  }
}
