package io.telejobs.contracts.config;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every service's {@code main} does: read config or exit naming the problem, run until stopped. */
public final class ServiceMain {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {}

  /** Reads the configuration; on a missing or malformed variable, prints it and exits with status 2. */
  public static <T> T configOrExit(String service, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println(service + ": " + e.getMessage());
      System.exit(2);
      throw e; // not reached
    }
  }

  /** A service that can be started and closed. */
  public interface Service extends AutoCloseable {
    void start();

    @Override
    void close();
  }

  /** Starts {@code service} and blocks until SIGTERM or SIGINT, then closes it cleanly. */
  public static void runUntilStopped(String name, Service service) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down {}", name);
      service.close();
      done.countDown();
    }, name + "-shutdown"));
    service.start();
    done.await();
  }
}
