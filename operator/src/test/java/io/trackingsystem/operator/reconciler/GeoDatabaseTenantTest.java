package io.trackingsystem.operator.reconciler;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.OperatorHarness;
import io.trackingsystem.operator.api.GeoDatabase;
import io.trackingsystem.operator.api.GeoSpec;
import io.trackingsystem.operator.api.TrackingSystem;
import io.trackingsystem.operator.dependent.Component;

import static io.trackingsystem.operator.OperatorHarness.NAMESPACE;
import static io.trackingsystem.operator.OperatorHarness.eventually;
import static io.trackingsystem.operator.dependent.ServiceDeploymentsDependent.CONFIG_HASH_ANNOTATION;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.env;
import static io.trackingsystem.operator.reconciler.ManagedRedisTenantTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** spec.geo reaches the gateway, and only the gateway, as GEOIP_DATABASE and a read-only claim. */
class GeoDatabaseTenantTest {

  private static final String MOUNT_PATH = "/var/lib/tracking-system/geoip";

  private OperatorHarness harness;

  @BeforeEach
  void startOperator() throws Exception {
    harness = OperatorHarness.start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void mountsTheClaimReadOnlyOnTheGatewayOnly() {
    var primary = running(geo(GeoDatabase.file, "geoip-city", "dbip/dbip-city-lite.mmdb"));

    var gateway = harness.deployment(primary, Component.GATEWAY).getSpec().getTemplate();
    assertThat(claimVolumes(gateway)).singleElement().satisfies(volume -> {
      assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("geoip-city");
      assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
    });
    var claimName = claimVolumes(gateway).get(0).getName();
    assertThat(container(gateway).getVolumeMounts()).filteredOn(mount -> mount.getName().equals(claimName))
        .singleElement().satisfies(mount -> {
          assertThat(mount.getMountPath()).isEqualTo(MOUNT_PATH);
          assertThat(mount.getReadOnly()).isTrue();
        });
    assertThat(env(container(gateway), "GEOIP_DATABASE")).isEqualTo(MOUNT_PATH + "/dbip/dbip-city-lite.mmdb");

    for (var component : List.of(Component.USER_SERVICE, Component.TRACKING_SERVICE)) {
      var template = harness.deployment(primary, component).getSpec().getTemplate();
      assertThat(claimVolumes(template)).as(component.id()).isEmpty();
      assertThat(container(template).getVolumeMounts()).as(component.id())
          .extracting(VolumeMount::getMountPath).doesNotContain(MOUNT_PATH);
      assertThat(names(container(template).getEnv())).as(component.id()).doesNotContain("GEOIP_DATABASE");
    }
    assertThat(harness.client().configMaps().inNamespace(NAMESPACE).withName("acme-config").get().getData())
        .doesNotContainKey("GEOIP_DATABASE");
  }

  @Test
  void turnsGeolocationOff() {
    var primary = running(geo(GeoDatabase.off, null, null));

    var gateway = harness.deployment(primary, Component.GATEWAY).getSpec().getTemplate();
    assertThat(env(container(gateway), "GEOIP_DATABASE")).isEqualTo("off");
    assertThat(claimVolumes(gateway)).isEmpty();
  }

  @Test
  void leavesTheBundledDatabaseByDefault() {
    var primary = running(spec -> { });

    var gateway = harness.deployment(primary, Component.GATEWAY).getSpec().getTemplate();
    assertThat(names(container(gateway).getEnv())).doesNotContain("GEOIP_DATABASE");
    assertThat(gateway.getSpec().getVolumes()).extracting(Volume::getName).containsExactly("tmp");
    assertThat(container(gateway).getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly("/tmp");
  }

  @Test
  void rollsTheGatewayWhenTheDatabaseChanges() {
    var primary = running(spec -> { });
    var gatewayBefore = template(primary, Component.GATEWAY);
    var usersBefore = template(primary, Component.USER_SERVICE);

    var edited = harness.edit("acme", ts -> {
      geo(GeoDatabase.file, "geoip-city", "GeoLite2-City.mmdb").accept(ts);
      return ts;
    });
    eventually().untilAsserted(() -> assertThat(env(container(template(primary, Component.GATEWAY)), "GEOIP_DATABASE"))
        .isEqualTo(MOUNT_PATH + "/GeoLite2-City.mmdb"));
    observed(edited);
    assertThat(configHash(template(primary, Component.GATEWAY))).isNotEqualTo(configHash(gatewayBefore));
    assertThat(template(primary, Component.USER_SERVICE)).isEqualTo(usersBefore);

    harness.edit("acme", ts -> {
      ts.getSpec().getGeo().setClaimName("geoip-city-2026-12");
      return ts;
    });
    eventually().untilAsserted(() -> assertThat(claimVolumes(template(primary, Component.GATEWAY)))
        .extracting(volume -> volume.getPersistentVolumeClaim().getClaimName()).containsExactly("geoip-city-2026-12"));

    harness.edit("acme", ts -> {
      ts.getSpec().getGeo().setDatabase(GeoDatabase.bundled);
      return ts;
    });
    eventually().untilAsserted(() -> assertThat(template(primary, Component.GATEWAY)).isEqualTo(gatewayBefore));
  }

  @Test
  void refusesAFileOutsideTheClaimWithoutChangingTheGateway() {
    var primary = running(spec -> { });
    var gatewayBefore = template(primary, Component.GATEWAY);

    var edited = harness.edit("acme", ts -> {
      geo(GeoDatabase.file, "geoip-city", "../../etc/passwd").accept(ts);
      return ts;
    });
    observed(edited);

    var degraded = condition("Degraded");
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo(StatusReport.INVALID_SPEC);
    assertThat(degraded.getMessage()).contains("geo.path must be relative", "must not contain '..'");
    assertThat(template(primary, Component.GATEWAY)).isEqualTo(gatewayBefore);
  }

  @Test
  void refusesAFileWithoutClaimOrPath() {
    harness.create(with(Fixtures.managedRedis("acme"), geo(GeoDatabase.file, null, null)));

    eventually().until(() -> condition("Degraded") != null);
    var degraded = condition("Degraded");
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo(StatusReport.INVALID_SPEC);
    assertThat(degraded.getMessage())
        .contains("geo.claimName is required when geo.database is file", "geo.path is required when geo.database is file");
    assertThat(harness.client().apps().statefulSets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(harness.client().apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
  }

  /** A managed-Redis tenant named acme whose three Deployments exist. */
  private TrackingSystem running(Consumer<TrackingSystem> change) {
    var primary = harness.create(with(Fixtures.managedRedis("acme"), change));
    harness.markRedisReady(primary);
    eventually().until(() -> List.of(Component.values()).stream().allMatch(c -> harness.deployment(primary, c) != null));
    return primary;
  }

  private static TrackingSystem with(TrackingSystem trackingSystem, Consumer<TrackingSystem> change) {
    change.accept(trackingSystem);
    return trackingSystem;
  }

  private static Consumer<TrackingSystem> geo(GeoDatabase database, String claimName, String path) {
    return trackingSystem -> {
      var geo = new GeoSpec();
      geo.setDatabase(database);
      geo.setClaimName(claimName);
      geo.setPath(path);
      trackingSystem.getSpec().setGeo(geo);
    };
  }

  /** Waits until the status describes this generation, so the operator has acted on it. */
  private void observed(TrackingSystem edited) {
    var generation = edited.getMetadata().getGeneration();
    eventually().until(() -> generation.equals(harness.get("acme").getStatus().getObservedGeneration()));
  }

  private PodTemplateSpec template(TrackingSystem primary, Component component) {
    return harness.deployment(primary, component).getSpec().getTemplate();
  }

  private static String configHash(PodTemplateSpec template) {
    return template.getMetadata().getAnnotations().get(CONFIG_HASH_ANNOTATION);
  }

  private static List<Volume> claimVolumes(PodTemplateSpec template) {
    return template.getSpec().getVolumes().stream().filter(volume -> volume.getPersistentVolumeClaim() != null).toList();
  }

  private static Container container(PodTemplateSpec template) {
    return template.getSpec().getContainers().get(0);
  }

  private Condition condition(String type) {
    var status = harness.get("acme").getStatus();
    if (status == null) {
      return null;
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
