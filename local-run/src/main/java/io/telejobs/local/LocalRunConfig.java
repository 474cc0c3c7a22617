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
 * @param kafkaPort port of the embedded broker (0: any free port)
 * @param subscribePort port of the subscribe pages and API (0: any free port)
 * @param dashboardPort port of the market dashboard (0: any free port)
 */
public record LocalRunConfig(Path folder, boolean keepRunning, Duration interval, Duration hostDelay, int kafkaPort,
    int subscribePort, int dashboardPort) {
  public static final EnvVar FOLDER = EnvVar.optional("APP_LOCAL_DIR", ".local-run",
      "folder for the local mailbox (mailbox/) and the embedded broker's data (kafka/)");
  public static final EnvVar KEEP_RUNNING = EnvVar.optional("APP_KEEP_RUNNING", "false",
      "true: keep the pipeline up after the first crawl and crawl again every APP_CRAWL_INTERVAL");
  public static final EnvVar INTERVAL = EnvVar.optional("APP_CRAWL_INTERVAL", "PT1M",
      "time between crawls when APP_KEEP_RUNNING=true");
  public static final EnvVar HOST_DELAY = EnvVar.optional("APP_HOST_DELAY", "PT0.2S",
      "per-host delay for the bundled sample sites (they run on this machine)");

  public static final EnvVar KAFKA_PORT = EnvVar.optional("APP_LOCAL_KAFKA_PORT", "9092",
      "port of the local run's embedded Kafka broker, for tools such as the read command; 0 for any free port");
  public static final EnvVar SUBSCRIBE_PORT = EnvVar.optional("APP_LOCAL_SUBSCRIBE_PORT", "8080",
      "port of the local run's subscribe pages; 0 for any free port");
  public static final EnvVar DASHBOARD_PORT = EnvVar.optional("APP_LOCAL_DASHBOARD_PORT", "8083",
      "port of the local run's market dashboard; 0 for any free port");

  public static List<EnvVar> variables() {
    return List.of(FOLDER, KEEP_RUNNING, INTERVAL, HOST_DELAY, KAFKA_PORT, SUBSCRIBE_PORT, DASHBOARD_PORT);
  }

  public static LocalRunConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    return new LocalRunConfig(env.getPath(FOLDER), env.getBoolean(KEEP_RUNNING), env.getDuration(INTERVAL),
        env.getDuration(HOST_DELAY), env.getInt(KAFKA_PORT), env.getInt(SUBSCRIBE_PORT), env.getInt(DASHBOARD_PORT));
  }
}
