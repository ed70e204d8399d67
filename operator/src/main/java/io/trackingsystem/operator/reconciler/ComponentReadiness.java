package io.trackingsystem.operator.reconciler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.dependent.Component;
import io.trackingsystem.operator.dependent.RedisReadyCondition;

/** Ready versus wanted pods per component, read from the informer caches. */
record ComponentReadiness(int ready, int wanted) {

  static final String REDIS = "redis";

  boolean isReady() {
    return ready >= wanted;
  }

  @Override
  public String toString() {
    return ready + "/" + wanted;
  }

  static Map<String, ComponentReadiness> of(TrackingSystem primary, Context<TrackingSystem> context) {
    var readiness = new LinkedHashMap<String, ComponentReadiness>();
    if (primary.getSpec().getRedis().usesManagedRedis()) {
      var redis = context.getSecondaryResource(StatefulSet.class);
      readiness.put(REDIS, new ComponentReadiness(RedisReadyCondition.readyReplicas(redis), 1));
    }
    for (var component : Component.values()) {
      var name = component.resourceName(primary);
      var ready = context.getSecondaryResourcesAsStream(Deployment.class)
          .filter(deployment -> name.equals(deployment.getMetadata().getName()))
          .findFirst()
          .map(Deployment::getStatus)
          .map(status -> Optional.ofNullable(status.getReadyReplicas()).orElse(0))
          .orElse(0);
      readiness.put(component.id(), new ComponentReadiness(ready, component.specOf(primary).getReplicas()));
    }
    return readiness;
  }
}
