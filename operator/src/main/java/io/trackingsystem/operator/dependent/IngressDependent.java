package io.trackingsystem.operator.dependent;

import java.util.List;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trackingsystem.operator.api.TrackingSystem;

/** Publishes the gateway under the tenant's host name. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class IngressDependent extends CRUDKubernetesDependentResource<Ingress, TrackingSystem> {

  @Override
  protected Ingress desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var spec = primary.getSpec().getIngress();
    var ingress = Manifests.load(Ingress.class, "ingress.yaml", primary, Names.ingress(primary), Component.GATEWAY.id());
    ingress.getMetadata().getAnnotations().putAll(spec.getAnnotations());
    ingress.getSpec().setIngressClassName(spec.getClassName());
    var rule = ingress.getSpec().getRules().get(0);
    rule.setHost(spec.getHost());
    rule.getHttp().getPaths().get(0).getBackend().getService().setName(Names.gateway(primary));
    if (spec.getTls() != null) {
      ingress.getSpec().setTls(List.of(new IngressTLS(List.of(spec.getHost()), spec.getTls().getSecretName())));
    }
    return ingress;
  }
}
