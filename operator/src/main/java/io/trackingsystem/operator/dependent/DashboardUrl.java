package io.trackingsystem.operator.dependent;

import io.trackingsystem.operator.api.TrackingSystem;

/** Where people open the dashboard: the ingress host if there is one, else the in-cluster Service. */
public final class DashboardUrl {

  public static final int GATEWAY_PORT = 8080;

  private DashboardUrl() {}

  public static String of(TrackingSystem primary) {
    return origin(primary) + "/";
  }

  static String origin(TrackingSystem primary) {
    var ingress = primary.getSpec().getIngress();
    if (ingress.isEnabled()) {
      var scheme = ingress.getTls() != null ? "https" : "http";
      return scheme + "://" + ingress.getHost();
    }
    return "http://" + Names.gateway(primary) + "." + primary.getMetadata().getNamespace()
        + ".svc:" + GATEWAY_PORT;
  }
}
