package io.trackingsystem.operator.api;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** How long a tenant's stored events are kept: the tracking-service's {@code EVENT_RETENTION_DAYS}. */
public class RetentionSpec {

  @Default("730")
  @Min(1)
  private int eventDays = 730;

  public int getEventDays() {
    return eventDays;
  }

  public void setEventDays(int eventDays) {
    this.eventDays = eventDays;
  }
}
