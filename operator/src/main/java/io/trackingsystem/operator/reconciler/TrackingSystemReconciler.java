package io.trackingsystem.operator.reconciler;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.dependent.ConfigMapDependent;
import io.trackingsystem.operator.dependent.DisruptionBudgetsDependent;
import io.trackingsystem.operator.dependent.GatewayServiceDependent;
import io.trackingsystem.operator.dependent.GeneratedJwtKeysCondition;
import io.trackingsystem.operator.dependent.IngressDependent;
import io.trackingsystem.operator.dependent.IngressEnabledCondition;
import io.trackingsystem.operator.dependent.JwtKeysSecretDependent;
import io.trackingsystem.operator.dependent.ManagedRedisCondition;
import io.trackingsystem.operator.dependent.RedisNetworkPolicyDependent;
import io.trackingsystem.operator.dependent.RedisPasswordSecretDependent;
import io.trackingsystem.operator.dependent.RedisReadyCondition;
import io.trackingsystem.operator.dependent.RedisServiceDependent;
import io.trackingsystem.operator.dependent.RedisStatefulSetDependent;
import io.trackingsystem.operator.dependent.ServiceDeploymentsDependent;

/**
 * The workflow is invoked explicitly so that an invalid spec can be reported without touching any
 * dependent: a validation problem is not an error, so it is not retried until the spec changes.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "redis-password", type = RedisPasswordSecretDependent.class,
        reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "redis", type = RedisStatefulSetDependent.class,
        reconcilePrecondition = ManagedRedisCondition.class, dependsOn = "redis-password"),
    @Dependent(name = "redis-service", type = RedisServiceDependent.class,
        reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "redis-network-policy", type = RedisNetworkPolicyDependent.class,
        reconcilePrecondition = ManagedRedisCondition.class),
    @Dependent(name = "jwt-keys", type = JwtKeysSecretDependent.class,
        reconcilePrecondition = GeneratedJwtKeysCondition.class),
    @Dependent(name = "config", type = ConfigMapDependent.class,
        readyPostcondition = RedisReadyCondition.class),
    @Dependent(name = "deployments", type = ServiceDeploymentsDependent.class, dependsOn = "config"),
    @Dependent(name = "gateway-service", type = GatewayServiceDependent.class),
    @Dependent(name = "ingress", type = IngressDependent.class,
        reconcilePrecondition = IngressEnabledCondition.class),
    @Dependent(name = "disruption-budgets", type = DisruptionBudgetsDependent.class)
})
// Secrets a tenant brings are not watched, so a periodic pass picks up their rotation and rolls the pods.
@ControllerConfiguration(name = TrackingSystemReconciler.NAME,
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class TrackingSystemReconciler implements Reconciler<TrackingSystem> {

  public static final String NAME = "trackingsystem";

  private final StatusReport report;

  public TrackingSystemReconciler() {
    this(Clock.systemUTC());
  }

  TrackingSystemReconciler(Clock clock) {
    this.report = new StatusReport(clock);
  }

  @Override
  public UpdateControl<TrackingSystem> reconcile(TrackingSystem primary, Context<TrackingSystem> context) {
    var problems = SpecValidator.problems(primary.getSpec(), context.getSecondaryResource(StatefulSet.class));
    if (!problems.isEmpty()) {
      primary.setStatus(report.invalidSpec(primary, problems));
      return UpdateControl.patchStatus(primary);
    }
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    primary.setStatus(report.observed(primary, ComponentReadiness.of(primary, context)));
    return UpdateControl.patchStatus(primary);
  }

  @Override
  public ErrorStatusUpdateControl<TrackingSystem> updateErrorStatus(
      TrackingSystem primary, Context<TrackingSystem> context, Exception error) {
    primary.setStatus(report.failed(primary, error));
    return ErrorStatusUpdateControl.patchStatus(primary);
  }
}
