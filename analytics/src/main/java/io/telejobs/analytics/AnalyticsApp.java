package io.telejobs.analytics;

import io.telejobs.contracts.config.ServiceMain;
import java.time.Clock;

/** Runs the analytics service until SIGTERM/SIGINT. */
public final class AnalyticsApp {
  private AnalyticsApp() {}

  public static void main(String[] args) throws InterruptedException {
    AnalyticsConfig config = ServiceMain.configOrExit("analytics", () -> AnalyticsConfig.fromEnv(System.getenv()));
    ServiceMain.runUntilStopped("analytics", new AnalyticsService(config, Clock.systemUTC()));
  }
}
