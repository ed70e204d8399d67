package io.trackingsystem.operator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportsReadinessAndMetrics() throws Exception {
    var ready = new AtomicBoolean(false);
    var metrics = new ReconcileMetrics();
    metrics.failedReconciliation(null, new IllegalStateException(), java.util.Map.of());
    try (var server = HealthServer.start(0, () -> true, ready::get, metrics::prometheusText)) {
      assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);

      ready.set(true);

      assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(server, "/metrics").body()).contains("trackingsystem_operator_reconciliations_failed_total 1");
    }
  }

  private HttpResponse<String> get(HealthServer server, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
