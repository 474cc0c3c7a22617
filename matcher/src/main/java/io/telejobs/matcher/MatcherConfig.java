package io.telejobs.matcher;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.streams.DeadLetterHandlers;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.matcher.config.ProfileFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The matcher's settings, from environment variables. {@code KAFKA_*} pass through to Kafka Streams
 * ({@code KAFKA_APPLICATION_ID}, {@code KAFKA_STATE_DIR}, ...).
 *
 * @param streams Kafka Streams properties with our defaults applied
 * @param profileFile the role profile to tag with
 * @param dedupWindow how long a posting not seen again stays the same job as others with its identity
 * @param metricsPort port of the Prometheus {@code /metrics} endpoint of the service; -1 for none
 */
public record MatcherConfig(Properties streams, String profileFile, java.time.Duration dedupWindow,
    int metricsPort) {
  public static final EnvVar PROFILE_FILE = EnvVar.optional("APP_PROFILE_FILE", ProfileFiles.DEFAULT,
      "role profile to tag with: a path, or classpath:... for a bundled one");
  public static final EnvVar APPLICATION_ID = EnvVar.optional("KAFKA_APPLICATION_ID", "telejobs-matcher",
      "Kafka Streams application id; use a new one to re-tag history with a new profile version");
  public static final EnvVar STATE_DIR = EnvVar.optional("KAFKA_STATE_DIR",
      System.getProperty("java.io.tmpdir") + "/telejobs-matcher-state", "Kafka Streams state directory");

  public static final EnvVar METRICS_PORT = EnvVar.optional("APP_METRICS_PORT", "9401",
      "port of the matcher's Prometheus /metrics endpoint (and /health); off for none");
  public static final EnvVar DEDUP_WINDOW = EnvVar.optional("APP_DEDUP_WINDOW", "P30D",
      "how long a posting not seen again stays the same job as others with the same company, title and location");

  public static List<EnvVar> variables() {
    List<EnvVar> all = new ArrayList<>(Env.COMMON);
    all.addAll(List.of(PROFILE_FILE, APPLICATION_ID, STATE_DIR, DEDUP_WINDOW, METRICS_PORT));
    return List.copyOf(all);
  }

  public static MatcherConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    Properties p = env.streamsProperties(APPLICATION_ID, STATE_DIR);
    p.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    DeadLetterHandlers.configure(p, "matcher", Topics.MATCHER_DLQ.name());
    return new MatcherConfig(p, env.get(PROFILE_FILE), env.getDuration(DEDUP_WINDOW),
        env.getPortOrOff(METRICS_PORT));
  }
}
