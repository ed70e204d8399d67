package io.trackingsystem.operator.packaging;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelmChartTest {

  private static final Path CHART = Path.of("../helm/tracking-system-operator");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void chartPassesStrictLint() {
    var result = new Helm(CHART).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void rendersLeastPrivilegeRbacForEveryManagedKind() {
    var role = only(render(template()), ClusterRole.class);

    assertThat(verbs(role, "trackingsystem.io", "trackingsystems")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs(role, "trackingsystem.io", "trackingsystems/status")).containsExactlyInAnyOrder("get", "patch", "update");
    for (var resource : List.of("deployments", "statefulsets")) {
      assertThat(verbs(role, "apps", resource)).contains("create", "update", "delete", "watch");
    }
    for (var resource : List.of("services", "configmaps", "secrets")) {
      assertThat(verbs(role, "", resource)).contains("create", "update", "delete", "watch");
    }
    assertThat(verbs(role, "", "persistentvolumeclaims")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs(role, "networking.k8s.io", "ingresses")).contains("create", "delete");
    assertThat(verbs(role, "networking.k8s.io", "networkpolicies")).contains("create", "delete");
    assertThat(verbs(role, "policy", "poddisruptionbudgets")).contains("create", "delete");
    assertThat(verbs(role, "", "events")).containsExactlyInAnyOrder("create", "patch");
    assertThat(role.getRules()).noneMatch(rule -> rule.getVerbs().contains("*") || rule.getResources().contains("*"));
  }

  @Test
  void rendersOperatorDeploymentWithLeaderElectionAndAllNamespaces() {
    var objects = render(template().withName("ts").withNamespace("platform"));

    var deployment = only(objects, Deployment.class);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ghcr.io/trackingsystem/operator:0.1.0");
    assertThat(env(container, "WATCH_NAMESPACES")).isEmpty();
    assertThat(env(container, "LEADER_ELECTION_ENABLED")).isEqualTo("true");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(kinds(objects)).contains("ServiceAccount", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment");
    assertThat(objects).filteredOn(o -> o.getKind().equals("Role"))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("platform"));
  }

  @Test
  void bindsPermissionsOnlyInWatchedNamespaces() {
    var objects = render(template()
        .set("watchNamespaces[0]", "team-a").set("watchNamespaces[1]", "team-b")
        .set("leaderElection.enabled", false));

    assertThat(kinds(objects)).doesNotContain("ClusterRoleBinding", "Role");
    assertThat(objects).filteredOn(o -> o instanceof RoleBinding)
        .extracting(o -> o.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    var container = only(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(container, "WATCH_NAMESPACES")).isEqualTo("team-a,team-b");
    assertThat(env(container, "LEADER_ELECTION_ENABLED")).isEqualTo("false");
  }

  @Test
  void refusesClustersTooOldForTheCrdValidationRules() {
    assertThatThrownBy(() -> new Helm(CHART).template().withKubeVersion("1.28.0").call())
        .hasMessageContaining("kubeVersion");
  }

  private static TemplateCommand template() {
    return new Helm(CHART).template().withKubeVersion("1.30.0");
  }

  private static List<HasMetadata> render(TemplateCommand template) {
    return Arrays.stream(template.call().split("(?m)^---\\s*$"))
        .filter(document -> document.contains("kind:"))
        .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document))
        .toList();
  }

  private static <T> T only(List<HasMetadata> objects, Class<T> type) {
    var matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static List<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).toList();
  }

  private static List<String> verbs(ClusterRole role, String group, String resource) {
    return role.getRules().stream()
        .filter(rule -> rule.getApiGroups().contains(group) && rule.getResources().contains(resource))
        .map(PolicyRule::getVerbs)
        .flatMap(List::stream)
        .toList();
  }

  private static String env(io.fabric8.kubernetes.api.model.Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
  }
}
