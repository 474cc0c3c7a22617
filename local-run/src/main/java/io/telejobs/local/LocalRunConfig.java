package io.telejobs.local;

import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.EnvVar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the local run, from environment variables.
 *
 * @param folder where the mailbox and the broker's data go
 * @param keepRunning keep the pipeline up and crawl again every {@code interval}
 * @param interval time between crawls when kept running
 * @param hostDelay per-host delay for the local sample sites
 */
public record LocalRunConfig(Path folder, boolean keepRunning, Duration interval, Duration hostDelay) {
  public static final EnvVar FOLDER = EnvVar.optional("APP_LOCAL_DIR", ".local-run",
      "folder for the local mailbox (mailbox/) and the embedded broker's data (kafka/)");
  public static final EnvVar KEEP_RUNNING = EnvVar.optional("APP_KEEP_RUNNING", "false",
      "true: keep the pipeline up after the first crawl and crawl again every APP_CRAWL_INTERVAL");
  public static final EnvVar INTERVAL = EnvVar.optional("APP_CRAWL_INTERVAL", "PT1M",
      "time between crawls when APP_KEEP_RUNNING=true");
  public static final EnvVar HOST_DELAY = EnvVar.optional("APP_HOST_DELAY", "PT0.2S",
      "per-host delay for the bundled sample sites (they run on this machine)");

  public static List<EnvVar> variables() {
    return List.of(FOLDER, KEEP_RUNNING, INTERVAL, HOST_DELAY);
  }

  public static LocalRunConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    return new LocalRunConfig(env.getPath(FOLDER), env.getBoolean(KEEP_RUNNING), env.getDuration(INTERVAL),
        env.getDuration(HOST_DELAY));
  }
}
