package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

public class ManagedRedisSpec {

  public static final String DEFAULT_IMAGE = "redis/redis-stack-server:7.4.0-v1";

  @Default(DEFAULT_IMAGE)
  private String image = DEFAULT_IMAGE;

  private StorageSpec storage = new StorageSpec();

  private ResourceRequirements resources;

  private PersistenceSpec persistence = new PersistenceSpec();

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public StorageSpec getStorage() {
    return storage;
  }

  public void setStorage(StorageSpec storage) {
    this.storage = storage;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public PersistenceSpec getPersistence() {
    return persistence;
  }

  public void setPersistence(PersistenceSpec persistence) {
    this.persistence = persistence;
  }
}
