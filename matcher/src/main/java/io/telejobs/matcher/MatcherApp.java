package io.telejobs.matcher;

import io.telejobs.contracts.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the matcher until SIGTERM/SIGINT, then closes Streams cleanly. */
public final class MatcherApp {
  private static final Logger LOG = LoggerFactory.getLogger(MatcherApp.class);

  private MatcherApp() {}

  public static void main(String[] args) throws InterruptedException {
    MatcherConfig config;
    try {
      config = MatcherConfig.fromEnv(System.getenv());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("matcher: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    MatcherService service = new MatcherService(config, System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down matcher");
      service.close();
      done.countDown();
    }, "matcher-shutdown"));
    service.start();
    done.await();
  }
}
