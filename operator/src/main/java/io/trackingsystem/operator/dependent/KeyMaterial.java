package io.trackingsystem.operator.dependent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/** Fresh secrets. Callers store them once; nothing here is deterministic on purpose. */
final class KeyMaterial {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMaterial() {}

  /** An EC P-256 keypair as PEM: PKCS#8 private key and X.509 public key. */
  static Map<String, String> jwtKeyPair(String privateKeyName, String publicKeyName) {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      var pair = generator.generateKeyPair();
      return Map.of(
          privateKeyName, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          publicKeyName, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JVM cannot generate EC P-256 keys", e);
    }
  }

  /** 32 random bytes, base64url: safe inside a redis:// URL without escaping. */
  static String password() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
