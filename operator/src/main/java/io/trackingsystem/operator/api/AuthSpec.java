package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

public class AuthSpec {

  @Default("3600")
  @Min(60)
  private int accessTokenTtlSeconds = 3600;

  @Default("30")
  @Min(1)
  private int refreshTokenTtlDays = 30;

  @JsonPropertyDescription("Bring your own JWT keys; without it the operator generates a keypair once.")
  private JwtKeysSecretRef existingKeysSecret;

  public int getAccessTokenTtlSeconds() {
    return accessTokenTtlSeconds;
  }

  public void setAccessTokenTtlSeconds(int accessTokenTtlSeconds) {
    this.accessTokenTtlSeconds = accessTokenTtlSeconds;
  }

  public int getRefreshTokenTtlDays() {
    return refreshTokenTtlDays;
  }

  public void setRefreshTokenTtlDays(int refreshTokenTtlDays) {
    this.refreshTokenTtlDays = refreshTokenTtlDays;
  }

  public JwtKeysSecretRef getExistingKeysSecret() {
    return existingKeysSecret;
  }

  public void setExistingKeysSecret(JwtKeysSecretRef existingKeysSecret) {
    this.existingKeysSecret = existingKeysSecret;
  }
}
