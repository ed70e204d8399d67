package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.List;

public class ExternalRedisSpec {

  @Required
  @Pattern("^rediss?://[^\\s]+$")
  @JsonPropertyDescription("redis:// or rediss:// URL without a password, e.g. redis://redis.example:6379/0.")
  private String url;

  @JsonPropertyDescription("Secret key holding the password; it must be URL-safe or already percent-encoded.")
  private SecretKeyRef passwordSecret;

  @JsonPropertyDescription("For a Redis Cluster: its nodes as host:port, e.g. [redis-0.example:6379, redis-1.example:6379]."
      + " The services find the rest of the cluster from any of them; url then gives only the scheme (rediss:// for"
      + " TLS) and the user.")
  private List<String> clusterNodes;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public List<String> getClusterNodes() {
    return clusterNodes;
  }

  public void setClusterNodes(List<String> clusterNodes) {
    this.clusterNodes = clusterNodes;
  }

  public SecretKeyRef getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(SecretKeyRef passwordSecret) {
    this.passwordSecret = passwordSecret;
  }
}
