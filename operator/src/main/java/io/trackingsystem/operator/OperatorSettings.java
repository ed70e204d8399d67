package io.trackingsystem.operator;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

/**
 * Everything the operator reads from its environment, with the defaults the Helm chart assumes.
 *
 * @param watchNamespaces empty means every namespace
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    boolean leaderElection,
    String leaseName,
    Optional<String> leaseNamespace,
    String identity,
    int healthPort) {

  static final String DEFAULT_LEASE_NAME = "tracking-system-operator";
  static final int DEFAULT_HEALTH_PORT = 8081;

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    return new OperatorSettings(
        namespaces(env.getOrDefault("WATCH_NAMESPACES", "")),
        Boolean.parseBoolean(env.getOrDefault("LEADER_ELECTION_ENABLED", "true")),
        env.getOrDefault("LEADER_ELECTION_LEASE_NAME", DEFAULT_LEASE_NAME),
        Optional.ofNullable(env.get("POD_NAMESPACE")).filter(value -> !value.isBlank()),
        env.getOrDefault("POD_NAME", env.getOrDefault("HOSTNAME", "tracking-system-operator")),
        Integer.parseInt(env.getOrDefault("HEALTH_PORT", String.valueOf(DEFAULT_HEALTH_PORT))));
  }

  /** The lease lives next to the operator; without POD_NAMESPACE the client's namespace is used. */
  public Optional<LeaderElectionConfiguration> leaderElectionConfiguration() {
    if (!leaderElection) {
      return Optional.empty();
    }
    return Optional.of(leaseNamespace
        .map(namespace -> new LeaderElectionConfiguration(leaseName, namespace, identity))
        .orElseGet(() -> new LeaderElectionConfiguration(leaseName)));
  }

  private static Set<String> namespaces(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
