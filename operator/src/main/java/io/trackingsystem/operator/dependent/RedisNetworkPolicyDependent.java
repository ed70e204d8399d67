package io.trackingsystem.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trackingsystem.operator.api.TrackingSystem;

/** Lets only this tenant's own pods open a connection to its Redis. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class RedisNetworkPolicyDependent extends CRUDKubernetesDependentResource<NetworkPolicy, TrackingSystem> {

  @Override
  protected NetworkPolicy desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var component = RedisServiceDependent.COMPONENT;
    var policy = Manifests.load(NetworkPolicy.class, "redis-network-policy.yaml", primary, Names.redis(primary), component);
    policy.getSpec().getPodSelector().setMatchLabels(Labels.selector(primary, component));
    policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().setMatchLabels(Labels.tenant(primary));
    return policy;
  }
}
