package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Redis always persists with an append-only file; only the fsync policy is a choice. */
public class PersistenceSpec {

  @Default("everysec")
  @JsonPropertyDescription("Redis appendfsync policy: always, everysec or no.")
  private AppendFsync appendfsync = AppendFsync.everysec;

  public AppendFsync getAppendfsync() {
    return appendfsync;
  }

  public void setAppendfsync(AppendFsync appendfsync) {
    this.appendfsync = appendfsync;
  }
}
