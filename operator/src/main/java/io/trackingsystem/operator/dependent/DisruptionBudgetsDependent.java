package io.trackingsystem.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * One PodDisruptionBudget per component that runs more than one pod. With a single pod a budget
 * would block node drains outright, so those components get none, and a budget goes away again
 * when a component is scaled back to one.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED))
public class DisruptionBudgetsDependent extends KubernetesDependentResource<PodDisruptionBudget, TrackingSystem>
    implements CRUDKubernetesBulkDependentResource<PodDisruptionBudget, TrackingSystem>,
        KubernetesBulkDependentResource<PodDisruptionBudget, TrackingSystem>,
        GarbageCollected<TrackingSystem> {

  @Override
  public Map<ResourceID, PodDisruptionBudget> desiredResources(
      TrackingSystem primary, Context<TrackingSystem> context) {
    var budgets = new LinkedHashMap<ResourceID, PodDisruptionBudget>();
    for (var component : Component.values()) {
      if (component.specOf(primary).getReplicas() > 1) {
        var budget = budgetFor(primary, component);
        budgets.put(ResourceID.fromResource(budget), budget);
      }
    }
    return budgets;
  }

  private static PodDisruptionBudget budgetFor(TrackingSystem primary, Component component) {
    var budget = Manifests.load(PodDisruptionBudget.class, "pod-disruption-budget.yaml", primary,
        component.resourceName(primary), component.id());
    budget.getSpec().getSelector().setMatchLabels(Labels.selector(primary, component.id()));
    return budget;
  }
}
