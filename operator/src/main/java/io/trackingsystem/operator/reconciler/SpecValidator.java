package io.trackingsystem.operator.reconciler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.trackingsystem.operator.api.GeoDatabase;
import io.trackingsystem.operator.api.GeoSpec;
import io.trackingsystem.operator.api.ManagedRedisSpec;
import io.trackingsystem.operator.api.StorageSpec;
import io.trackingsystem.operator.api.TrackingSystemSpec;
import io.trackingsystem.operator.dependent.Component;

/**
 * Repeats the CRD's schema and CEL rules in code. Clusters without CEL support, or objects created
 * before a schema change, still reach the operator, and a bad spec must end in a clear Degraded
 * condition rather than in failing API calls retried forever.
 */
final class SpecValidator {

  private static final Pattern QUANTITY = Pattern.compile(StorageSpec.QUANTITY_PATTERN);
  private static final Pattern GEO_PATH = Pattern.compile(GeoSpec.PATH_PATTERN);
  private static final Pattern CLUSTER_NODE = Pattern.compile("^[A-Za-z0-9.\\-]+:[0-9]{1,5}$");

  private SpecValidator() {}

  /** @param existingRedis the current StatefulSet, to refuse shrinking its volume */
  static List<String> problems(TrackingSystemSpec spec, Optional<StatefulSet> existingRedis) {
    var problems = new ArrayList<String>();
    if (spec == null) {
      return List.of("spec is required");
    }
    if (spec.getVersion() == null || spec.getVersion().isBlank()) {
      problems.add("spec.version is required");
    }
    for (var component : Component.values()) {
      if (component.specIn(spec).getReplicas() < 0) {
        problems.add(component.id() + " replicas must not be negative");
      }
    }
    redisProblems(spec, existingRedis, problems);
    if (spec.getIngress().isEnabled() && isBlank(spec.getIngress().getHost())) {
      problems.add("ingress.host is required when the ingress is enabled");
    }
    if (spec.getRetention().getEventDays() < 1) {
      problems.add("retention.eventDays must be at least one day");
    }
    if (spec.getIngest().getRateLimitPerSecond() < 1) {
      problems.add("ingest.rateLimitPerSecond must be at least 1");
    }
    geoProblems(spec.getGeo(), problems);
    return problems;
  }

  /** A claim and a path only matter for a file; with bundled or off they are ignored. */
  private static void geoProblems(GeoSpec geo, List<String> problems) {
    if (geo.getDatabase() != GeoDatabase.file) {
      return;
    }
    if (isBlank(geo.getClaimName())) {
      problems.add("geo.claimName is required when geo.database is file");
    }
    if (isBlank(geo.getPath())) {
      problems.add("geo.path is required when geo.database is file");
    } else if (!GEO_PATH.matcher(geo.getPath()).matches()) {
      problems.add("geo.path must be relative to the claim's volume and must not contain '..', got " + geo.getPath());
    }
  }

  private static void redisProblems(TrackingSystemSpec spec, Optional<StatefulSet> existing, List<String> problems) {
    var redis = spec.getRedis();
    if (redis == null || (redis.getManaged() == null) == (redis.getExternal() == null)) {
      problems.add("set exactly one of redis.managed and redis.external");
      return;
    }
    if (redis.getExternal() != null) {
      externalUrlProblem(redis.getExternal().getUrl()).ifPresent(problems::add);
      clusterNodesProblem(redis.getExternal().getClusterNodes()).ifPresent(problems::add);
      return;
    }
    storageProblem(redis.getManaged(), existing).ifPresent(problems::add);
  }

  private static Optional<String> externalUrlProblem(String url) {
    try {
      var uri = new URI(url == null ? "" : url);
      var scheme = uri.getScheme();
      if (("redis".equals(scheme) || "rediss".equals(scheme)) && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // reported below like any other unusable URL
    }
    return Optional.of("redis.external.url must be a redis:// or rediss:// URL with a host");
  }

  private static Optional<String> clusterNodesProblem(List<String> nodes) {
    if (nodes == null || nodes.stream().allMatch(node -> node != null && CLUSTER_NODE.matcher(node).matches())) {
      return Optional.empty();
    }
    return Optional.of("redis.external.clusterNodes must be host:port entries");
  }

  private static Optional<String> storageProblem(ManagedRedisSpec managed, Optional<StatefulSet> existing) {
    var size = managed.getStorage().getSize();
    if (size == null || !QUANTITY.matcher(size).matches()) {
      return Optional.of("redis.managed.storage.size must be a quantity such as 10Gi");
    }
    var current = existing.flatMap(SpecValidator::claimedStorage);
    if (current.isPresent()
        && Quantity.getAmountInBytes(new Quantity(size)).compareTo(Quantity.getAmountInBytes(current.get())) < 0) {
      return Optional.of("redis storage size cannot shrink below " + current.get());
    }
    return Optional.empty();
  }

  private static Optional<Quantity> claimedStorage(StatefulSet statefulSet) {
    return statefulSet.getSpec().getVolumeClaimTemplates().stream().findFirst()
        .map(claim -> claim.getSpec().getResources().getRequests().get("storage"));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
