package io.trackingsystem.operator.dependent;

import java.util.Map;
import java.util.TreeMap;

import io.trackingsystem.operator.api.TrackingSystem;

/**
 * The non-secret settings every service reads from its environment. One map feeds both the
 * ConfigMap and the pods' config hash, so the two cannot disagree. A setting that names a file on
 * one service's own volume belongs in that service's pod template instead, next to the volume:
 * the gateway's geolocation database ({@link GatewayGeolocation}).
 */
public final class ServiceConfig {

  private ServiceConfig() {}

  public static Map<String, String> of(TrackingSystem primary) {
    var spec = primary.getSpec();
    var env = new TreeMap<String, String>();
    env.put("INGEST_RATE_LIMIT_PER_SECOND", String.valueOf(spec.getIngest().getRateLimitPerSecond()));
    env.put("INGEST_MAX_STREAM_LENGTH", String.valueOf(spec.getIngest().getMaxStreamLength()));
    // Trimming must never reach events not yet processed: ingest pushes back well before that.
    env.put("INGEST_MAX_BACKLOG", String.valueOf(spec.getIngest().getMaxStreamLength() / 2));
    env.put("ACCESS_TOKEN_TTL_SECONDS", String.valueOf(spec.getAuth().getAccessTokenTtlSeconds()));
    env.put("REFRESH_TOKEN_TTL_DAYS", String.valueOf(spec.getAuth().getRefreshTokenTtlDays()));
    env.put("EVENT_RETENTION_DAYS", String.valueOf(spec.getRetention().getEventDays()));
    // The dashboard is served by the gateway itself; CORS only matters behind a public host.
    // Behind the Ingress, the controller is the one proxy whose X-Forwarded-For entry names the client.
    if (spec.getIngress().isEnabled()) {
      env.put("DASHBOARD_ORIGIN", DashboardUrl.origin(primary));
      env.put("TRUSTED_PROXIES", "1");
    }
    return env;
  }
}
