package io.telejobs.notifier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.observability.Metrics;
import io.telejobs.observability.MetricsEndpoint;

/** Runs the notifier until SIGTERM/SIGINT, then stops the API, the delivery worker and Streams cleanly. */
public final class NotifierApp {
  private NotifierApp() {}

  public static void main(String[] args) throws InterruptedException {
    NotifierConfig config = ServiceMain.configOrExit("notifier", () -> NotifierConfig.fromEnv(System.getenv()));
    NotifierService service = new NotifierService(config, System.getenv());
    PrometheusMeterRegistry registry = Metrics.registry("notifier");
    service.bindMetrics(registry);
    try (MetricsEndpoint metrics = config.metricsPort() < 0 ? null : MetricsEndpoint.start(registry, config.metricsPort())) {
      ServiceMain.runUntilStopped("notifier", service);
    }
  }
}
