package io.trackingsystem.operator.dependent;

import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.trackingsystem.operator.api.JwtKeysSecretRef;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * The JWT signing keypair. Only a Creator: an Updater would compare a freshly generated keypair
 * with the stored one on every reconcile and replace it, logging every user out.
 */
@KubernetesDependent(informer = @Informer(labelSelector = JwtKeysSecretDependent.SELECTOR))
public class JwtKeysSecretDependent extends KubernetesDependentResource<Secret, TrackingSystem>
    implements Creator<Secret, TrackingSystem>, GarbageCollected<TrackingSystem> {

  static final String COMPONENT = "jwt-keys";
  static final String SELECTOR = Labels.MANAGED + "," + Labels.COMPONENT + "=" + COMPONENT;

  @Override
  protected Secret desired(TrackingSystem primary, Context<TrackingSystem> context) {
    var secret = Manifests.load(Secret.class, "secret.yaml", primary, Names.jwtKeysSecret(primary), COMPONENT);
    var keys = KeyMaterial.jwtKeyPair(JwtKeysSecretRef.DEFAULT_PRIVATE_KEY, JwtKeysSecretRef.DEFAULT_PUBLIC_KEY);
    Map<String, String> data = new TreeMap<>();
    keys.forEach((key, pem) -> data.put(key, KeyMaterial.base64(pem)));
    secret.setData(data);
    return secret;
  }

  // Naming the target directly avoids generating a throwaway keypair just to find it.
  @Override
  protected ResourceID targetSecondaryResourceID(TrackingSystem primary, Context<TrackingSystem> context) {
    return new ResourceID(Names.jwtKeysSecret(primary), primary.getMetadata().getNamespace());
  }
}
