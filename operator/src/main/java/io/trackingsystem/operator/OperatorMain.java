package io.trackingsystem.operator;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javaoperatorsdk.operator.Operator;
import io.trackingsystem.operator.reconciler.TrackingSystemReconciler;

/** Starts the TrackingSystem controller and the health endpoint next to it. */
public final class OperatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    var settings = OperatorSettings.fromEnvironment(System.getenv());
    var metrics = new ReconcileMetrics();
    var operator = new Operator(overrider -> {
      overrider.withMetrics(metrics);
      settings.leaderElectionConfiguration().ifPresent(overrider::withLeaderElectionConfiguration);
    });
    operator.register(new TrackingSystemReconciler(), controller -> {
      if (settings.watchNamespaces().isEmpty()) {
        controller.watchingAllNamespaces();
      } else {
        controller.settingNamespaces(settings.watchNamespaces());
      }
    });
    operator.installShutdownHook(Duration.ofSeconds(10));
    // Started before the operator so a slow informer sync shows up as "not ready", not as a crash.
    HealthServer.start(settings.healthPort(),
        () -> !operator.getRuntimeInfo().isStarted() || operator.getRuntimeInfo().allEventSourcesAreHealthy(),
        () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
        metrics::prometheusText);
    operator.start();
    LOG.info("Watching {}; leader election {}",
        settings.watchNamespaces().isEmpty() ? "all namespaces" : settings.watchNamespaces(),
        settings.leaderElection() ? "on" : "off");
  }
}
