package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Required;

public class IngressTlsSpec {

  @Required
  private String secretName;

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }
}
