package io.trackingsystem.operator.dependent;

import java.util.function.Function;

import io.trackingsystem.operator.api.ComponentSpec;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.api.TrackingSystemSpec;

/** The three services the operator runs as Deployments. */
public enum Component {
  GATEWAY("gateway", TrackingSystemSpec::getGateway),
  USER_SERVICE("user-service", TrackingSystemSpec::getUserService),
  TRACKING_SERVICE("tracking-service", TrackingSystemSpec::getTrackingService);

  private final String id;
  private final Function<TrackingSystemSpec, ComponentSpec> spec;

  Component(String id, Function<TrackingSystemSpec, ComponentSpec> spec) {
    this.id = id;
    this.spec = spec;
  }

  /** Used in resource names, labels and image names. */
  public String id() {
    return id;
  }

  public ComponentSpec specOf(TrackingSystem primary) {
    return specIn(primary.getSpec());
  }

  public ComponentSpec specIn(TrackingSystemSpec trackingSystemSpec) {
    return spec.apply(trackingSystemSpec);
  }

  public String resourceName(TrackingSystem primary) {
    return primary.getMetadata().getName() + "-" + id;
  }
}
