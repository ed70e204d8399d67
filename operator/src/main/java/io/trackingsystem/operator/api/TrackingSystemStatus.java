package io.trackingsystem.operator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

public class TrackingSystemStatus {

  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Progressing and Degraded.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Ready pods per component: redis, gateway, user-service, tracking-service.")
  private Map<String, Integer> readyReplicas = new TreeMap<>();

  private String dashboardUrl;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Map<String, Integer> getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Map<String, Integer> readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getDashboardUrl() {
    return dashboardUrl;
  }

  public void setDashboardUrl(String dashboardUrl) {
    this.dashboardUrl = dashboardUrl;
  }
}
