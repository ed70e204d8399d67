package io.trackingsystem.operator.dependent;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.trackingsystem.operator.api.GeoDatabase;
import io.trackingsystem.operator.api.GeoSpec;

/**
 * How {@code spec.geo} reaches the gateway pods: their {@code GEOIP_DATABASE} and, for a file, the
 * claim mounted read-only under {@link #MOUNT_PATH}. Both go into the gateway's own pod template
 * rather than the shared ConfigMap, so a pod never names a file it has not mounted, and the other
 * services, which never locate addresses, neither see the setting nor roll when it changes.
 */
final class GatewayGeolocation {

  /** Where the gateway sees the claim that holds the database. */
  static final String MOUNT_PATH = "/var/lib/tracking-system/geoip";

  static final String ENV = "GEOIP_DATABASE";
  private static final String VOLUME = "geoip";

  private GatewayGeolocation() {}

  /** The gateway's {@code GEOIP_DATABASE}; none for the bundled database, which is read when it is unset. */
  static Optional<String> database(GeoSpec geo) {
    return switch (geo.getDatabase()) {
      case bundled -> Optional.empty();
      case off -> Optional.of(geo.getDatabase().name());
      case file -> Optional.of(MOUNT_PATH + "/" + geo.getPath());
    };
  }

  /** The claim that holds the database file, for a file only. */
  static Optional<String> claim(GeoSpec geo) {
    return geo.getDatabase() == GeoDatabase.file ? Optional.of(geo.getClaimName()) : Optional.empty();
  }

  static void apply(GeoSpec geo, PodSpec pod, Container gateway) {
    claim(geo).ifPresent(claim -> {
      pod.getVolumes().add(new VolumeBuilder().withName(VOLUME).withNewPersistentVolumeClaim(claim, true).build());
      gateway.getVolumeMounts().add(new VolumeMountBuilder()
          .withName(VOLUME).withMountPath(MOUNT_PATH).withReadOnly(true).build());
    });
    database(geo).ifPresent(database -> gateway.getEnv().add(new EnvVar(ENV, database, null)));
  }
}
