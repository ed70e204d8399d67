package io.trackingsystem.operator.reconciler;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.api.TrackingSystemStatus;
import io.trackingsystem.operator.dependent.DashboardUrl;

import static io.trackingsystem.operator.reconciler.Conditions.DEGRADED;
import static io.trackingsystem.operator.reconciler.Conditions.PROGRESSING;
import static io.trackingsystem.operator.reconciler.Conditions.READY;

/** Turns what the operator observed into the status a person reads with kubectl. */
final class StatusReport {

  static final String INVALID_SPEC = "InvalidSpec";
  static final String RECONCILE_FAILED = "ReconcileFailed";

  private final Clock clock;

  StatusReport(Clock clock) {
    this.clock = clock;
  }

  TrackingSystemStatus observed(TrackingSystem primary, Map<String, ComponentReadiness> components) {
    var waiting = components.entrySet().stream()
        .filter(entry -> !entry.getValue().isReady())
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
    var ready = waiting.isEmpty();
    var status = next(primary, conditions(primary)
        .set(READY, ready, ready ? "AllComponentsReady" : "ComponentsNotReady",
            ready ? "Redis and all services are ready" : "waiting for " + waiting)
        .set(PROGRESSING, !ready, ready ? "Stable" : "RollingOut",
            ready ? "nothing to roll out" : "pods are starting or updating")
        .set(DEGRADED, false, "AsExpected", "the spec is valid and was applied"));
    var readyReplicas = new TreeMap<String, Integer>();
    components.forEach((name, readiness) -> readyReplicas.put(name, readiness.ready()));
    status.setReadyReplicas(readyReplicas);
    status.setDashboardUrl(DashboardUrl.of(primary));
    return status;
  }

  TrackingSystemStatus invalidSpec(TrackingSystem primary, List<String> problems) {
    var message = String.join("; ", problems);
    return next(primary, conditions(primary)
        .set(READY, false, INVALID_SPEC, "fix the spec: " + message)
        .set(PROGRESSING, false, INVALID_SPEC, "nothing is rolled out while the spec is invalid")
        .set(DEGRADED, true, INVALID_SPEC, message));
  }

  /** Keeps Ready and Progressing as last seen; only Degraded reports the failure. */
  TrackingSystemStatus failed(TrackingSystem primary, Exception error) {
    var conditions = conditions(primary);
    previous(primary).getConditions().stream()
        .filter(c -> !DEGRADED.equals(c.getType()))
        .forEach(c -> conditions.set(c.getType(), "True".equals(c.getStatus()), c.getReason(), c.getMessage()));
    conditions.set(DEGRADED, true, RECONCILE_FAILED, String.valueOf(error.getMessage()));
    var status = next(primary, conditions);
    status.setReadyReplicas(previous(primary).getReadyReplicas());
    status.setDashboardUrl(previous(primary).getDashboardUrl());
    return status;
  }

  private Conditions conditions(TrackingSystem primary) {
    return new Conditions(previous(primary).getConditions(), primary.getMetadata().getGeneration(), clock);
  }

  private static TrackingSystemStatus next(TrackingSystem primary, Conditions conditions) {
    var status = new TrackingSystemStatus();
    status.setObservedGeneration(primary.getMetadata().getGeneration());
    status.setConditions(conditions.list());
    status.setReadyReplicas(previous(primary).getReadyReplicas());
    status.setDashboardUrl(previous(primary).getDashboardUrl());
    return status;
  }

  private static TrackingSystemStatus previous(TrackingSystem primary) {
    return primary.getStatus() == null ? new TrackingSystemStatus() : primary.getStatus();
  }
}
