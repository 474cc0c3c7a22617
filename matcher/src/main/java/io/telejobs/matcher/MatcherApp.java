package io.telejobs.matcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.observability.Metrics;
import io.telejobs.observability.MetricsEndpoint;

/** Runs the matcher, with its Prometheus endpoint, until SIGTERM/SIGINT, then closes Streams cleanly. */
public final class MatcherApp {
  private MatcherApp() {}

  public static void main(String[] args) throws InterruptedException {
    MatcherConfig config = ServiceMain.configOrExit("matcher", () -> MatcherConfig.fromEnv(System.getenv()));
    MatcherService service = new MatcherService(config, System.getenv());
    PrometheusMeterRegistry registry = Metrics.registry("matcher");
    service.bindMetrics(registry);
    try (MetricsEndpoint metrics = config.metricsPort() < 0 ? null : MetricsEndpoint.start(registry, config.metricsPort())) {
      ServiceMain.runUntilStopped("matcher", service);
    }
  }
}
