package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

public class ExternalRedisSpec {

  @Required
  @Pattern("^rediss?://[^\\s]+$")
  @JsonPropertyDescription("redis:// or rediss:// URL without a password, e.g. redis://redis.example:6379/0.")
  private String url;

  @JsonPropertyDescription("Secret key holding the password; it must be URL-safe or already percent-encoded.")
  private SecretKeyRef passwordSecret;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public SecretKeyRef getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(SecretKeyRef passwordSecret) {
    this.passwordSecret = passwordSecret;
  }
}
