package io.telejobs.notifier;

import io.telejobs.contracts.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the notifier until SIGTERM/SIGINT, then stops the worker and Streams cleanly. */
public final class NotifierApp {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierApp.class);

  private NotifierApp() {}

  public static void main(String[] args) throws InterruptedException {
    NotifierConfig config;
    try {
      config = NotifierConfig.fromEnv(System.getenv());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("notifier: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    NotifierService service = new NotifierService(config, System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down notifier");
      service.close();
      done.countDown();
    }, "notifier-shutdown"));
    service.start();
    done.await();
  }
}
