package io.telejobs.analytics;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.streams.DeadLetterHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The analytics service's settings, from environment variables.
 *
 * @param kafka plain client properties ({@code KAFKA_*}), for creating the topics it reads
 * @param partitions partitions of topics it creates
 * @param replication replication factor of topics it creates
 * @param streams Kafka Streams properties
 * @param httpPort port of the dashboard and the statistics API; 0 for any free port
 */
public record AnalyticsConfig(Properties kafka, int partitions, short replication, Properties streams, int httpPort) {
  public static final EnvVar APPLICATION_ID = EnvVar.optional("KAFKA_APPLICATION_ID", "telejobs-analytics",
      "Kafka Streams application id of the analytics topology");
  public static final EnvVar STATE_DIR = EnvVar.optional("KAFKA_STATE_DIR",
      System.getProperty("java.io.tmpdir") + "/telejobs-analytics-state", "Kafka Streams state directory");
  public static final EnvVar HTTP_PORT = EnvVar.optional("APP_ANALYTICS_PORT", "8083",
      "port of the analytics dashboard and its statistics API (/api/stats, /api/days, /api/jobs)");

  public static List<EnvVar> variables() {
    List<EnvVar> all = new ArrayList<>(Env.COMMON);
    all.addAll(List.of(APPLICATION_ID, STATE_DIR, HTTP_PORT));
    return List.copyOf(all);
  }

  public static AnalyticsConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    Properties streams = DeadLetterHandlers.configure(env.streamsProperties(APPLICATION_ID, STATE_DIR), "analytics",
        Topics.ANALYTICS_DLQ.name());
    Properties kafka = env.kafkaProperties();
    kafka.remove("application.id");
    kafka.remove("state.dir");
    return new AnalyticsConfig(kafka, env.getInt(Env.TOPIC_PARTITIONS), (short) env.getInt(Env.TOPIC_REPLICATION), streams,
        env.getInt(HTTP_PORT));
  }
}
