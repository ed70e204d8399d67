package io.trackingsystem.operator.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(
    value = "!self.enabled || has(self.host)",
    message = "ingress.host is required when the ingress is enabled")
public class IngressSpec {

  @Default("false")
  private boolean enabled;

  private String host;

  private String className;

  private IngressTlsSpec tls;

  private Map<String, String> annotations = new LinkedHashMap<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public String getClassName() {
    return className;
  }

  public void setClassName(String className) {
    this.className = className;
  }

  public IngressTlsSpec getTls() {
    return tls;
  }

  public void setTls(IngressTlsSpec tls) {
    this.tls = tls;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
