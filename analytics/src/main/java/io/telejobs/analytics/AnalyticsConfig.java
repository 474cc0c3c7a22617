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
 * @param advertised host:port other analytics instances reach this one's API at; empty for a single instance
 */
public record AnalyticsConfig(Properties kafka, int partitions, short replication, Properties streams, int httpPort,
    String advertised) {
  public static final EnvVar APPLICATION_ID = EnvVar.optional("KAFKA_APPLICATION_ID", "telejobs-analytics",
      "Kafka Streams application id of the analytics topology");
  public static final EnvVar STATE_DIR = EnvVar.optional("KAFKA_STATE_DIR",
      System.getProperty("java.io.tmpdir") + "/telejobs-analytics-state", "Kafka Streams state directory");
  public static final EnvVar HTTP_PORT = EnvVar.optional("APP_ANALYTICS_PORT", "8083",
      "port of the analytics dashboard and its statistics API (/api/stats, /api/days, /api/jobs)");

  public static final EnvVar ADVERTISED = EnvVar.optional("APP_ANALYTICS_ADVERTISED", "",
      "host:port at which the other analytics instances reach this one's API; set it on every instance when running "
          + "several, so each answers for all partitions by asking the others (empty: one instance)");

  public static List<EnvVar> variables() {
    List<EnvVar> all = new ArrayList<>(Env.COMMON);
    all.addAll(List.of(APPLICATION_ID, STATE_DIR, HTTP_PORT, ADVERTISED));
    return List.copyOf(all);
  }

  public static AnalyticsConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    Properties streams = DeadLetterHandlers.configure(env.streamsProperties(APPLICATION_ID, STATE_DIR), "analytics",
        Topics.ANALYTICS_DLQ.name());
    String advertised = env.get(ADVERTISED).strip();
    if (!advertised.isEmpty()) {
      if (!advertised.matches("[A-Za-z0-9.-]+:\\d{1,5}")) {
        throw new io.telejobs.contracts.config.ConfigException(ADVERTISED.name() + " must be host:port, not '" + advertised + "'");
      }
      streams.put("application.server", advertised);
    }
    Properties kafka = env.kafkaProperties();
    kafka.remove("application.id");
    kafka.remove("state.dir");
    return new AnalyticsConfig(kafka, env.getInt(Env.TOPIC_PARTITIONS), (short) env.getInt(Env.TOPIC_REPLICATION), streams,
        env.getInt(HTTP_PORT), advertised);
  }
}
