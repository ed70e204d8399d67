package io.trackingsystem.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

/** One tenant: its own Redis, the three services and the dashboard. */
@Group("trackingsystem.io")
@Version("v1alpha1")
@ShortNames("ts")
@AdditionalPrinterColumn(name = "Ready", type = STRING, jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "URL", type = STRING, jsonPath = ".status.dashboardUrl")
// Declaring any printer column hides kubectl's default age column, so it is declared again.
@AdditionalPrinterColumn(name = "Age", type = DATE, jsonPath = ".metadata.creationTimestamp")
public class TrackingSystem extends CustomResource<TrackingSystemSpec, TrackingSystemStatus>
    implements Namespaced {

  @Override
  protected TrackingSystemStatus initStatus() {
    return new TrackingSystemStatus();
  }
}
