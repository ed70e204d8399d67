package io.trackingsystem.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trackingsystem.operator.api.TrackingSystem;

/** Environment shared by the three services, consumed with envFrom. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class ConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, TrackingSystem> {

  static final String COMPONENT = "config";

  @Override
  protected ConfigMap desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var configMap = Manifests.load(ConfigMap.class, "config-map.yaml", primary, Names.config(primary), COMPONENT);
    configMap.setData(ServiceConfig.of(primary));
    return configMap;
  }
}
