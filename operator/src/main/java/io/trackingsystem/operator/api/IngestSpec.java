package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

public class IngestSpec {

  @Default("1000")
  @Min(1)
  @JsonPropertyDescription("Events per second accepted per API key.")
  private int rateLimitPerSecond = 1000;

  @Default("1000000")
  @Min(1000)
  @JsonPropertyDescription(
      "Approximate cap on the raw event stream length. Ingest answers 503 once half of it is unprocessed.")
  private long maxStreamLength = 1_000_000;

  public int getRateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  public void setRateLimitPerSecond(int rateLimitPerSecond) {
    this.rateLimitPerSecond = rateLimitPerSecond;
  }

  public long getMaxStreamLength() {
    return maxStreamLength;
  }

  public void setMaxStreamLength(long maxStreamLength) {
    this.maxStreamLength = maxStreamLength;
  }
}
