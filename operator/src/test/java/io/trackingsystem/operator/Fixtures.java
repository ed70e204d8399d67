package io.trackingsystem.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.trackingsystem.operator.api.ExternalRedisSpec;
import io.trackingsystem.operator.api.IngressTlsSpec;
import io.trackingsystem.operator.api.ManagedRedisSpec;
import io.trackingsystem.operator.api.RedisSpec;
import io.trackingsystem.operator.api.SecretKeyRef;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.api.TrackingSystemSpec;

/** TrackingSystems as a tenant would write them. */
public final class Fixtures {

  private Fixtures() {}

  /** Managed Redis, published at {@code <name>.example.com} with TLS. */
  public static TrackingSystem managedRedis(String name) {
    var redis = new RedisSpec();
    redis.setManaged(new ManagedRedisSpec());
    var trackingSystem = withSpec(name, redis);
    var ingress = trackingSystem.getSpec().getIngress();
    ingress.setEnabled(true);
    ingress.setHost(name + ".example.com");
    ingress.setClassName("nginx");
    var tls = new IngressTlsSpec();
    tls.setSecretName(name + "-tls");
    ingress.setTls(tls);
    return trackingSystem;
  }

  public static TrackingSystem externalRedis(String name, String url, String passwordSecret) {
    var external = new ExternalRedisSpec();
    external.setUrl(url);
    var password = new SecretKeyRef();
    password.setName(passwordSecret);
    external.setPasswordSecret(password);
    var redis = new RedisSpec();
    redis.setExternal(external);
    return withSpec(name, redis);
  }

  private static TrackingSystem withSpec(String name, RedisSpec redis) {
    var spec = new TrackingSystemSpec();
    spec.setVersion("0.1.0");
    spec.setRedis(redis);
    var trackingSystem = new TrackingSystem();
    trackingSystem.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(OperatorHarness.NAMESPACE).build());
    trackingSystem.setSpec(spec);
    return trackingSystem;
  }
}
