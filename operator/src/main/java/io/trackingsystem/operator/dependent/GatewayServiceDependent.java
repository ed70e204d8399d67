package io.trackingsystem.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trackingsystem.operator.api.TrackingSystem;

/** The gateway's ClusterIP Service: dashboard, API and ingest all on one port. */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayServiceDependent.SELECTOR))
public class GatewayServiceDependent extends CRUDKubernetesDependentResource<Service, TrackingSystem> {

  static final String SELECTOR = Labels.MANAGED + "," + Labels.COMPONENT + "=gateway";

  @Override
  protected Service desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var component = Component.GATEWAY.id();
    var service = Manifests.load(Service.class, "gateway-service.yaml", primary, Names.gateway(primary), component);
    service.getSpec().setSelector(Labels.selector(primary, component));
    return service;
  }
}
