package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

public class ComponentSpec {

  @Default("1")
  @Min(0)
  private int replicas = 1;

  private ResourceRequirements resources;

  private ComponentImage image = new ComponentImage();

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public ComponentImage getImage() {
    return image;
  }

  public void setImage(ComponentImage image) {
    this.image = image;
  }
}
