package io.trackingsystem.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.trackingsystem.operator.api.TrackingSystem;

/**
 * Recommended app.kubernetes.io labels. The managed-by and component labels also scope each
 * dependent's informer, so the operator caches only its own objects (never every Secret).
 */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PART_OF_VALUE = "tracking-system";
  public static final String MANAGED_BY_VALUE = "tracking-system-operator";

  static final String MANAGED = MANAGED_BY + "=" + MANAGED_BY_VALUE;

  private Labels() {}

  public static Map<String, String> of(TrackingSystem primary, String component) {
    var labels = selector(primary, component);
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    return labels;
  }

  /** The stable subset used in selectors, which are immutable once a Deployment exists. */
  public static Map<String, String> selector(TrackingSystem primary, String component) {
    var labels = tenant(primary);
    labels.put(COMPONENT, component);
    return labels;
  }

  /** Every pod of one tenant carries these; the Redis NetworkPolicy admits exactly them. */
  public static Map<String, String> tenant(TrackingSystem primary) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME, PART_OF_VALUE);
    labels.put(INSTANCE, primary.getMetadata().getName());
    return labels;
  }
}
