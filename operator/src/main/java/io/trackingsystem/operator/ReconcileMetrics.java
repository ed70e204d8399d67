package io.trackingsystem.operator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;

/** A handful of counters in the Prometheus text format; enough to alert on failing reconciles. */
public class ReconcileMetrics implements Metrics {

  private final AtomicLong started = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  @Override
  public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    started.incrementAndGet();
    if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
      retries.incrementAndGet();
    }
  }

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    succeeded.incrementAndGet();
  }

  @Override
  public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    failed.incrementAndGet();
  }

  public String prometheusText() {
    return counter("trackingsystem_operator_reconciliations_started_total", "Reconciliations begun", started)
        + counter("trackingsystem_operator_reconciliations_succeeded_total", "Reconciliations that finished", succeeded)
        + counter("trackingsystem_operator_reconciliations_failed_total", "Reconciliations that threw", failed)
        + counter("trackingsystem_operator_reconciliation_retries_total", "Reconciliations that were retries", retries);
  }

  private static String counter(String name, String help, AtomicLong value) {
    return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " + value.get() + "\n";
  }
}
