package io.trackingsystem.operator.dependent;

import io.trackingsystem.operator.api.TrackingSystem;

/** Names of the objects one TrackingSystem owns; all derive from its own name. */
public final class Names {

  private Names() {}

  public static String redis(TrackingSystem primary) {
    return primary.getMetadata().getName() + "-redis";
  }

  public static String redisPasswordSecret(TrackingSystem primary) {
    return primary.getMetadata().getName() + "-redis-password";
  }

  public static String jwtKeysSecret(TrackingSystem primary) {
    return primary.getMetadata().getName() + "-jwt-keys";
  }

  public static String config(TrackingSystem primary) {
    return primary.getMetadata().getName() + "-config";
  }

  public static String gateway(TrackingSystem primary) {
    return Component.GATEWAY.resourceName(primary);
  }

  public static String ingress(TrackingSystem primary) {
    return primary.getMetadata().getName();
  }
}
