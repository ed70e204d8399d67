package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(
    value = "self.rollupDays >= self.rawEventDays",
    message = "roll-ups must be kept at least as long as raw events")
public class RetentionSpec {

  @Default("90")
  @Min(1)
  private int rawEventDays = 90;

  @Default("730")
  @Min(1)
  private int rollupDays = 730;

  public int getRawEventDays() {
    return rawEventDays;
  }

  public void setRawEventDays(int rawEventDays) {
    this.rawEventDays = rawEventDays;
  }

  public int getRollupDays() {
    return rollupDays;
  }

  public void setRollupDays(int rollupDays) {
    this.rollupDays = rollupDays;
  }
}
