package io.trackingsystem.operator.dependent;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * Ready postcondition of the service configuration: the services may start once the Redis it
 * points at answers. It sits on the ConfigMap rather than on the StatefulSet because the
 * Deployments must not depend on a node that is skipped for external Redis: the workflow deletes
 * everything below a skipped node.
 */
public class RedisReadyCondition implements Condition<ConfigMap, TrackingSystem> {

  @Override
  public boolean isMet(DependentResource<ConfigMap, TrackingSystem> dependent, TrackingSystem primary,
      Context<TrackingSystem> context) {
    return !primary.getSpec().getRedis().usesManagedRedis()
        || readyReplicas(context.getSecondaryResource(StatefulSet.class)) > 0;
  }

  public static int readyReplicas(Optional<StatefulSet> statefulSet) {
    return statefulSet.map(StatefulSet::getStatus)
        .map(status -> Optional.ofNullable(status.getReadyReplicas()).orElse(0))
        .orElse(0);
  }
}
