package io.trackingsystem.operator.dependent;

import java.util.Optional;

import io.trackingsystem.operator.api.ComponentImage;
import io.trackingsystem.operator.api.TrackingSystem;

/** Resolves a component image from its overrides, spec.image and spec.version. */
public final class Images {

  private Images() {}

  public static String reference(TrackingSystem primary, Component component) {
    var defaults = primary.getSpec().getImage();
    var own = overrides(primary, component);
    var registry = Optional.ofNullable(own.getRegistry()).orElse(defaults.getRegistry());
    var repository = Optional.ofNullable(own.getRepository()).orElse(component.id());
    var tag = Optional.ofNullable(own.getTag()).orElse(primary.getSpec().getVersion());
    return stripTrailingSlash(registry) + "/" + repository + ":" + tag;
  }

  public static String pullPolicy(TrackingSystem primary, Component component) {
    var own = overrides(primary, component).getPullPolicy();
    return Optional.ofNullable(own).orElse(primary.getSpec().getImage().getPullPolicy()).name();
  }

  private static ComponentImage overrides(TrackingSystem primary, Component component) {
    return Optional.ofNullable(component.specOf(primary).getImage()).orElseGet(ComponentImage::new);
  }

  private static String stripTrailingSlash(String registry) {
    return registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
  }
}
