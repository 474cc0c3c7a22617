package io.telejobs.ingest;

import io.telejobs.contracts.config.ServiceMain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ingest: reads config from the environment, crawls once or continuously, shuts down cleanly. */
public final class IngestApp {
  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

  private IngestApp() {}

  public static void main(String[] args) throws Exception {
    IngestConfig config = ServiceMain.configOrExit("ingest", () -> IngestConfig.fromEnv(System.getenv()));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread mainThread = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down ingest");
      mainThread.interrupt();
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "ingest-shutdown"));
    try (IngestService service = new IngestService(config)) {
      do {
        service.crawlOnce();
        if (config.continuous()) {
          LOG.info("next crawl in {}", config.interval());
          Thread.sleep(config.interval().toMillis());
        }
      } while (config.continuous());
    } catch (InterruptedException e) {
      LOG.info("ingest interrupted; stopped after flushing what was published");
    } finally {
      stopped.countDown();
    }
  }
}
