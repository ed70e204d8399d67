package io.trackingsystem.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trackingsystem.operator.api.TrackingSystem;

/** The operator makes JWT keys only for tenants that did not bring their own. */
public class GeneratedJwtKeysCondition implements Condition<Object, TrackingSystem> {

  @Override
  public boolean isMet(DependentResource<Object, TrackingSystem> dependent, TrackingSystem primary,
      Context<TrackingSystem> context) {
    return primary.getSpec().getAuth().getExistingKeysSecret() == null;
  }
}
