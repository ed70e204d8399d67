package io.trackingsystem.operator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorSettingsTest {

  @Test
  void watchesAllNamespacesWithLeaderElectionByDefault() {
    var settings = OperatorSettings.fromEnvironment(Map.of());

    assertThat(settings.watchNamespaces()).isEmpty();
    assertThat(settings.leaderElectionConfiguration()).isPresent();
    assertThat(settings.healthPort()).isEqualTo(8081);
  }

  @Test
  void readsWatchedNamespacesAndLeaseLocation() {
    var settings = OperatorSettings.fromEnvironment(Map.of(
        "WATCH_NAMESPACES", " team-a, team-b ,,",
        "POD_NAMESPACE", "platform",
        "POD_NAME", "operator-7d9"));

    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    var lease = settings.leaderElectionConfiguration().orElseThrow();
    assertThat(lease.getLeaseNamespace()).contains("platform");
    assertThat(lease.getIdentity()).contains("operator-7d9");
  }

  @Test
  void runsWithoutLeaseWhenLeaderElectionIsOff() {
    assertThat(OperatorSettings.fromEnvironment(Map.of("LEADER_ELECTION_ENABLED", "false"))
        .leaderElectionConfiguration()).isEmpty();
  }
}
