package io.trackingsystem.operator.dependent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * A digest of everything a pod reads at start-up but Kubernetes would not notice changing: the
 * ConfigMap and the Secret values. Stored as a pod-template annotation, a new value rolls the pods.
 *
 * <p>The gateway's digest also covers its geolocation database. That one is in its pod template already,
 * but going back to the bundled database only removes entries from it, which a matcher that accepts
 * extra fields on the cluster's side takes for no change. The bundled database adds nothing to the
 * digest, so tenants that never chose another keep the hash they had.
 */
final class ConfigHash {

  private ConfigHash() {}

  static String of(TrackingSystem primary, Component component, Collection<SecretKeySelector> secrets,
      Context<TrackingSystem> context) {
    var digest = sha256();
    ServiceConfig.of(primary).forEach((key, value) -> update(digest, key + "=" + value));
    if (component == Component.GATEWAY) {
      var geo = primary.getSpec().getGeo();
      GatewayGeolocation.database(geo).ifPresent(value -> update(digest, GatewayGeolocation.ENV + "=" + value));
      GatewayGeolocation.claim(geo).ifPresent(claim -> update(digest, "geo claim=" + claim));
    }
    for (var ref : secrets) {
      var value = secretValue(primary, ref, context).orElse("<missing>");
      update(digest, ref.getName() + "/" + ref.getKey() + "=" + value);
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  /**
   * Generated Secrets are in the informer cache; Secrets the tenant brings are not watched (that
   * would mean caching every Secret in the cluster), so those are read directly.
   */
  private static Optional<String> secretValue(
      TrackingSystem primary, SecretKeySelector ref, Context<TrackingSystem> context) {
    var cached = context.getSecondaryResourcesAsStream(Secret.class)
        .filter(secret -> ref.getName().equals(secret.getMetadata().getName()))
        .findFirst();
    var secret = cached.or(() -> Optional.ofNullable(context.getClient().secrets()
        .inNamespace(primary.getMetadata().getNamespace()).withName(ref.getName()).get()));
    return secret.map(Secret::getData).map(data -> data.get(ref.getKey()));
  }

  private static void update(MessageDigest digest, String entry) {
    digest.update(entry.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM provides SHA-256", e);
    }
  }
}
