package io.trackingsystem.operator.dependent;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.trackingsystem.operator.api.TrackingSystem;

/**
 * How the services reach Redis. The password stays in a Secret: pods get it as REDIS_PASSWORD and
 * Kubernetes substitutes {@code $(REDIS_PASSWORD)} into REDIS_URL when the container starts.
 */
public final class RedisConnection {

  public static final int PORT = 6379;
  public static final String PASSWORD_KEY = "password";
  static final String PASSWORD_ENV = "REDIS_PASSWORD";
  private static final String PASSWORD_PLACEHOLDER = "$(" + PASSWORD_ENV + ")";

  private RedisConnection() {}

  public static Optional<SecretKeySelector> password(TrackingSystem primary) {
    var redis = primary.getSpec().getRedis();
    if (redis.usesManagedRedis()) {
      return Optional.of(new SecretKeySelector(PASSWORD_KEY, Names.redisPasswordSecret(primary), false));
    }
    return Optional.ofNullable(redis.getExternal().getPasswordSecret())
        .map(ref -> new SecretKeySelector(ref.getKey(), ref.getName(), false));
  }

  public static String url(TrackingSystem primary) {
    var redis = primary.getSpec().getRedis();
    if (redis.usesManagedRedis()) {
      return "redis://:" + PASSWORD_PLACEHOLDER + "@" + Names.redis(primary) + ":" + PORT + "/0";
    }
    var url = redis.getExternal().getUrl();
    return password(primary).isPresent() ? withPassword(url) : url;
  }

  /** REDIS_CLUSTER_NODES for an external Redis Cluster; empty for a single node, managed or external. */
  public static Optional<String> clusterNodes(TrackingSystem primary) {
    var redis = primary.getSpec().getRedis();
    if (redis.usesManagedRedis() || redis.getExternal().getClusterNodes() == null
        || redis.getExternal().getClusterNodes().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(",", redis.getExternal().getClusterNodes()));
  }

  /** Puts the password placeholder into the URL's user info, keeping an ACL user name if given. */
  static String withPassword(String url) {
    var schemeEnd = url.indexOf("://") + 3;
    var rest = url.substring(schemeEnd);
    var authorityEnd = rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/');
    var at = rest.lastIndexOf('@', authorityEnd);
    var user = at < 0 ? "" : rest.substring(0, at).split(":", 2)[0];
    var hostAndPath = at < 0 ? rest : rest.substring(at + 1);
    return url.substring(0, schemeEnd) + user + ":" + PASSWORD_PLACEHOLDER + "@" + hostAndPath;
  }
}
