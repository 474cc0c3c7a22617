package io.telejobs.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesCountersAndJvmMetricsInPrometheusFormat() throws Exception {
    PrometheusMeterRegistry registry = Metrics.registry("ingest");
    registry.counter("ingest.pages.fetched", "source", "acme").increment(3);
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 0)) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + endpoint.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
      assertThat(r.body())
          .contains("ingest_pages_fetched_total{service=\"ingest\",source=\"acme\"} 3.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void refusesWritesAndAnswersHealth() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(Metrics.registry("x"), 0)) {
      String base = "http://localhost:" + endpoint.port();
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("ok\n");
    }
  }
}
