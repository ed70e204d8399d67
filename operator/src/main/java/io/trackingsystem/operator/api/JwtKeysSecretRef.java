package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

public class JwtKeysSecretRef {

  public static final String DEFAULT_PRIVATE_KEY = "jwt-private-key.pem";
  public static final String DEFAULT_PUBLIC_KEY = "jwt-public-key.pem";

  @Required
  private String name;

  @Default(DEFAULT_PRIVATE_KEY)
  @JsonPropertyDescription("Key holding the EC P-256 private key, PKCS#8 PEM.")
  private String privateKeyKey = DEFAULT_PRIVATE_KEY;

  @Default(DEFAULT_PUBLIC_KEY)
  @JsonPropertyDescription("Key holding the matching public key, X.509 PEM.")
  private String publicKeyKey = DEFAULT_PUBLIC_KEY;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPrivateKeyKey() {
    return privateKeyKey;
  }

  public void setPrivateKeyKey(String privateKeyKey) {
    this.privateKeyKey = privateKeyKey;
  }

  public String getPublicKeyKey() {
    return publicKeyKey;
  }

  public void setPublicKeyKey(String publicKeyKey) {
    this.publicKeyKey = publicKeyKey;
  }
}
