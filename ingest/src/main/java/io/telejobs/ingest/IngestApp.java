package io.telejobs.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.observability.Metrics;
import io.telejobs.observability.MetricsEndpoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingest: reads config from the environment, crawls once or continuously (each source on its own
 * interval, with a Prometheus {@code /metrics} endpoint), and shuts down cleanly on SIGTERM.
 */
public final class IngestApp {
  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

  private IngestApp() {}

  public static void main(String[] args) throws Exception {
    IngestConfig config = ServiceMain.configOrExit("ingest", () -> IngestConfig.fromEnv(System.getenv()));
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread mainThread = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down ingest");
      stop.countDown();
      mainThread.interrupt();
      try {
        stopped.await(45, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "ingest-shutdown"));
    PrometheusMeterRegistry registry = Metrics.registry("ingest");
    MetricsEndpoint endpoint = config.metricsPort() >= 0 && config.continuous()
        ? MetricsEndpoint.start(registry, config.metricsPort()) : null;
    try (IngestService service = new IngestService(config, registry)) {
      if (config.continuous()) {
        service.startContinuous();
        stop.await();
      } else {
        service.crawlOnce();
      }
    } catch (InterruptedException e) {
      LOG.info("ingest interrupted; stopped after flushing what was published");
    } finally {
      if (endpoint != null) {
        endpoint.close();
      }
      stopped.countDown();
    }
  }
}
