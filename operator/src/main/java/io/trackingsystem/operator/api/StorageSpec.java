package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

public class StorageSpec {

  public static final String QUANTITY_PATTERN = "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

  @Default("1Gi")
  @Pattern(QUANTITY_PATTERN)
  // A bounded length keeps the CEL cost estimate of the rule below within the API server's budget.
  @Size(max = 32)
  @ValidationRule(
      value = "quantity(self).compareTo(quantity(oldSelf)) >= 0",
      message = "redis storage size cannot shrink")
  private String size = "1Gi";

  private String storageClassName;

  @Default("true")
  @JsonPropertyDescription("Keep the Redis volume when the TrackingSystem is deleted.")
  private boolean keepOnDelete = true;

  public String getSize() {
    return size;
  }

  public void setSize(String size) {
    this.size = size;
  }

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }

  public boolean isKeepOnDelete() {
    return keepOnDelete;
  }

  public void setKeepOnDelete(boolean keepOnDelete) {
    this.keepOnDelete = keepOnDelete;
  }
}
