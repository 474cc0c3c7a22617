package io.telejobs.contracts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads configuration from an environment map. Apps pass {@code System.getenv()}; tests pass a map.
 *
 * <p>{@code KAFKA_*} variables pass through to Kafka client properties: {@code KAFKA_BOOTSTRAP_SERVERS}
 * becomes {@code bootstrap.servers}, {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}.
 */
public final class Env {
  /** The one Kafka variable every service requires. */
  public static final EnvVar KAFKA_BOOTSTRAP_SERVERS =
      EnvVar.required("KAFKA_BOOTSTRAP_SERVERS", "Kafka bootstrap servers, e.g. localhost:9092");

  /** Partitions of topics a service creates when they are missing. */
  public static final EnvVar TOPIC_PARTITIONS =
      EnvVar.optional("APP_TOPIC_PARTITIONS", "3", "partitions of topics created at start-up when missing");

  /** Replication factor of topics a service creates when they are missing. */
  public static final EnvVar TOPIC_REPLICATION =
      EnvVar.optional("APP_TOPIC_REPLICATION", "1", "replication factor of topics created at start-up when missing");

  /** The variables every service reads. */
  public static final java.util.List<EnvVar> COMMON =
      java.util.List.of(KAFKA_BOOTSTRAP_SERVERS, TOPIC_PARTITIONS, TOPIC_REPLICATION);

  private static final String KAFKA_PREFIX = "KAFKA_";
  private final Map<String, String> env;

  public Env(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The value, its default when unset or blank, or a {@link ConfigException} naming it. */
  public String get(EnvVar var) {
    String value = env.get(var.name());
    if (value == null || value.isBlank()) {
      if (var.isRequired()) {
        throw new ConfigException(
            "missing required environment variable " + var.name() + " (" + var.description() + ")");
      }
      return var.defaultValue();
    }
    return value.trim();
  }

  public int getInt(EnvVar var) {
    String value = get(var);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(var.name() + " must be a whole number, was '" + value + "'");
    }
  }

  /** A TCP port (0-65535; 0 picks a free one), or -1 when the value is {@code off}. */
  public int getPortOrOff(EnvVar var) {
    String value = get(var).strip();
    if (value.equalsIgnoreCase("off")) {
      return -1;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(var.name() + " must be a port number (0-65535) or off, was '" + value + "'");
  }

  public boolean getBoolean(EnvVar var) {
    String value = get(var).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(var.name() + " must be true or false, was '" + value + "'");
    };
  }

  /** An ISO-8601 duration ({@code PT1S}) or a number of milliseconds. */
  public Duration getDuration(EnvVar var) {
    String value = get(var);
    try {
      return value.matches("\\d+") ? Duration.ofMillis(Long.parseLong(value)) : Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          var.name() + " must be milliseconds or an ISO-8601 duration like PT2S, was '" + value + "'");
    }
  }

  public Path getPath(EnvVar var) {
    return Path.of(get(var));
  }

  /**
   * Kafka client properties from every {@code KAFKA_*} variable. Fails when {@code
   * KAFKA_BOOTSTRAP_SERVERS} is missing.
   */
  public Properties kafkaProperties() {
    get(KAFKA_BOOTSTRAP_SERVERS);
    Properties props = new Properties();
    kafkaEntries().forEach(props::setProperty);
    return props;
  }

  /** The {@code KAFKA_*} variables as client property names, sorted. */
  public Map<String, String> kafkaEntries() {
    Map<String, String> out = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith(KAFKA_PREFIX) && v != null && !v.isBlank()) {
            out.put(kafkaPropertyName(k), v.trim());
          }
        });
    return out;
  }

  /** Creates the given topics if missing, with the configured partitions and replication. */
  public void ensureTopics(java.util.Collection<io.telejobs.contracts.Topic<?, ?>> topics) {
    io.telejobs.contracts.TopicAdmin.ensure(kafkaProperties(), topics, getInt(TOPIC_PARTITIONS),
        (short) getInt(TOPIC_REPLICATION));
  }

  /**
   * Kafka Streams properties: every {@code KAFKA_*} variable, the application id and state directory, and
   * our defaults: {@code exactly_once_v2}, internal topics at {@code APP_TOPIC_REPLICATION}, and the
   * processing-exception handler for global stores enabled (the default from Kafka 5.0).
   */
  public Properties streamsProperties(EnvVar applicationId, EnvVar stateDir) {
    Properties p = kafkaProperties();
    p.put("application.id", get(applicationId));
    p.put("state.dir", get(stateDir));
    p.putIfAbsent("processing.guarantee", "exactly_once_v2");
    p.putIfAbsent("replication.factor", Integer.toString(getInt(TOPIC_REPLICATION)));
    p.putIfAbsent("processing.exception.handler.global.enabled", "true");
    return p;
  }

  /** {@code KAFKA_BOOTSTRAP_SERVERS} to {@code bootstrap.servers}. */
  public static String kafkaPropertyName(String variable) {
    return variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
