package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(
    value = "has(self.managed) != has(self.external)",
    message = "set exactly one of redis.managed and redis.external")
public class RedisSpec {

  private ManagedRedisSpec managed;

  private ExternalRedisSpec external;

  /** Not a bean property on purpose: the schema must only show managed and external. */
  public boolean usesManagedRedis() {
    return managed != null && external == null;
  }

  public ManagedRedisSpec getManaged() {
    return managed;
  }

  public void setManaged(ManagedRedisSpec managed) {
    this.managed = managed;
  }

  public ExternalRedisSpec getExternal() {
    return external;
  }

  public void setExternal(ExternalRedisSpec external) {
    this.external = external;
  }
}
