package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

public class SecretKeyRef {

  @Required
  private String name;

  @Default("password")
  private String key = "password";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
