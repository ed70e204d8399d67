package io.trackingsystem.operator.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

public class ImageDefaults {

  public static final String DEFAULT_REGISTRY = "ghcr.io/trackingsystem";

  @Default(DEFAULT_REGISTRY)
  @JsonPropertyDescription("Registry and path prefix; each component image is <registry>/<component>:<tag>.")
  private String registry = DEFAULT_REGISTRY;

  @Default("IfNotPresent")
  private PullPolicy pullPolicy = PullPolicy.IfNotPresent;

  @JsonPropertyDescription("Names of docker-registry Secrets in the tenant namespace.")
  private List<String> pullSecrets = new ArrayList<>();

  public String getRegistry() {
    return registry;
  }

  public void setRegistry(String registry) {
    this.registry = registry;
  }

  public PullPolicy getPullPolicy() {
    return pullPolicy;
  }

  public void setPullPolicy(PullPolicy pullPolicy) {
    this.pullPolicy = pullPolicy;
  }

  public List<String> getPullSecrets() {
    return pullSecrets;
  }

  public void setPullSecrets(List<String> pullSecrets) {
    this.pullSecrets = pullSecrets;
  }
}
