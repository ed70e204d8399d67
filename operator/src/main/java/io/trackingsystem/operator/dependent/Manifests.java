package io.trackingsystem.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.trackingsystem.operator.api.TrackingSystem;

/** Loads a base manifest that sits next to this class and stamps it with name and labels. */
final class Manifests {

  private Manifests() {}

  static <T extends HasMetadata> T load(
      Class<T> type, String file, TrackingSystem primary, String name, String component) {
    var resource = ReconcilerUtils.loadYaml(type, Manifests.class, file);
    resource.getMetadata().setName(name);
    resource.getMetadata().setNamespace(primary.getMetadata().getNamespace());
    resource.getMetadata().setLabels(Labels.of(primary, component));
    return resource;
  }
}
