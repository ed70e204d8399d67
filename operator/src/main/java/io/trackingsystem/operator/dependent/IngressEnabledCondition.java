package io.trackingsystem.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trackingsystem.operator.api.TrackingSystem;

public class IngressEnabledCondition implements Condition<Object, TrackingSystem> {

  @Override
  public boolean isMet(DependentResource<Object, TrackingSystem> dependent, TrackingSystem primary,
      Context<TrackingSystem> context) {
    return primary.getSpec().getIngress().isEnabled();
  }
}
