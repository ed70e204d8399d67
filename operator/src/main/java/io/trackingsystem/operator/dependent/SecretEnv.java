package io.trackingsystem.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.trackingsystem.operator.api.JwtKeysSecretRef;
import io.trackingsystem.operator.api.TrackingSystem;

/** Which environment variables of a component come from which Secret key. */
final class SecretEnv {

  private SecretEnv() {}

  /** Ordered: REDIS_PASSWORD must be defined before REDIS_URL refers to it. */
  static Map<String, SecretKeySelector> of(TrackingSystem primary, Component component) {
    var env = new LinkedHashMap<String, SecretKeySelector>();
    RedisConnection.password(primary).ifPresent(ref -> env.put(RedisConnection.PASSWORD_ENV, ref));
    if (component == Component.USER_SERVICE) {
      var keys = jwtKeys(primary);
      env.put("JWT_PRIVATE_KEY", new SecretKeySelector(keys.getPrivateKeyKey(), keys.getName(), false));
      env.put("JWT_PUBLIC_KEY", new SecretKeySelector(keys.getPublicKeyKey(), keys.getName(), false));
    }
    return env;
  }

  /** The tenant's own keys if it named a Secret, otherwise the generated ones. */
  static JwtKeysSecretRef jwtKeys(TrackingSystem primary) {
    var existing = primary.getSpec().getAuth().getExistingKeysSecret();
    if (existing != null) {
      return existing;
    }
    var generated = new JwtKeysSecretRef();
    generated.setName(Names.jwtKeysSecret(primary));
    return generated;
  }
}
