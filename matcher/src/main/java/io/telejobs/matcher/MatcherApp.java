package io.telejobs.matcher;

import io.telejobs.contracts.config.ServiceMain;

/** Runs the matcher until SIGTERM/SIGINT, then closes Streams cleanly. */
public final class MatcherApp {
  private MatcherApp() {}

  public static void main(String[] args) throws InterruptedException {
    MatcherConfig config = ServiceMain.configOrExit("matcher", () -> MatcherConfig.fromEnv(System.getenv()));
    ServiceMain.runUntilStopped("matcher", new MatcherService(config, System.getenv()));
  }
}
