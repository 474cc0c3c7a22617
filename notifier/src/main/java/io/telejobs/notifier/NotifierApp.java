package io.telejobs.notifier;

import io.telejobs.contracts.config.ServiceMain;

/** Runs the notifier until SIGTERM/SIGINT, then stops the API, the delivery worker and Streams cleanly. */
public final class NotifierApp {
  private NotifierApp() {}

  public static void main(String[] args) throws InterruptedException {
    NotifierConfig config = ServiceMain.configOrExit("notifier", () -> NotifierConfig.fromEnv(System.getenv()));
    ServiceMain.runUntilStopped("notifier", new NotifierService(config, System.getenv()));
  }
}
