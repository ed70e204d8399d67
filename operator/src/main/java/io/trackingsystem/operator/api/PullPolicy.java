package io.trackingsystem.operator.api;

/** Kubernetes image pull policies, spelled as the API spells them. */
public enum PullPolicy {
  Always,
  IfNotPresent,
  Never
}
