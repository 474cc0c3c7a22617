package io.telejobs.testkit;

import io.telejobs.broker.EmbeddedKafkaBroker;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every integration test in it.
 *
 * <p>The engine is chosen by the system property {@value #ENGINE_PROPERTY}: {@code auto} (default) uses
 * Testcontainers' {@code apache/kafka} image at the project's Kafka version when a Docker engine answers,
 * and the in-process KRaft broker otherwise; {@code embedded} or {@code testcontainers} force one. Both
 * are real brokers; no test mocks Kafka. The choice is logged.
 */
public final class KafkaFixture implements AutoCloseable {
  public static final String ENGINE_PROPERTY = "telejobs.kafka.engine";
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFixture.class);
  private static KafkaFixture shared;

  /** Which engine runs the broker. */
  public enum Engine {
    EMBEDDED,
    TESTCONTAINERS
  }

  private final Engine engine;
  private final String bootstrapServers;
  private final AutoCloseable resource;

  private KafkaFixture(Engine engine, String bootstrapServers, AutoCloseable resource) {
    this.engine = engine;
    this.bootstrapServers = bootstrapServers;
    this.resource = resource;
  }

  /** The broker of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized KafkaFixture shared() {
    if (shared == null) {
      shared = start(chooseEngine(System.getProperty(ENGINE_PROPERTY, "auto")));
      KafkaFixture toClose = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "kafka-fixture-shutdown"));
    }
    return shared;
  }

  /** A new broker of its own, on the engine the system property chooses; the caller closes it. */
  public static KafkaFixture fresh() {
    return start(chooseEngine(System.getProperty(ENGINE_PROPERTY, "auto")));
  }

  /** A new broker on the given engine; the caller closes it. */
  public static KafkaFixture start(Engine engine) {
    long t0 = System.nanoTime();
    KafkaFixture fixture;
    if (engine == Engine.TESTCONTAINERS) {
      KafkaContainer container = new KafkaContainer("apache/kafka:" + kafkaVersion());
      container.start();
      fixture = new KafkaFixture(engine, container.getBootstrapServers(), container);
    } else {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
      fixture = new KafkaFixture(engine, broker.bootstrapServers(), broker);
    }
    LOG.info("Kafka test fixture: engine={} bootstrap={} ready in {} ms", engine,
        fixture.bootstrapServers, (System.nanoTime() - t0) / 1_000_000);
    return fixture;
  }

  /** The Kafka version on the classpath, so the container image matches the client and broker. */
  static String kafkaVersion() {
    try (java.io.InputStream in =
        KafkaFixture.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      Properties props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "latest");
    } catch (java.io.IOException e) {
      return "latest";
    }
  }

  static Engine chooseEngine(String requested) {
    return switch (requested.toLowerCase(Locale.ROOT)) {
      case "embedded" -> Engine.EMBEDDED;
      case "testcontainers", "docker" -> Engine.TESTCONTAINERS;
      case "auto", "" -> dockerAvailable() ? Engine.TESTCONTAINERS : Engine.EMBEDDED;
      default -> throw new IllegalArgumentException(
          ENGINE_PROPERTY + " must be auto, embedded or testcontainers, was '" + requested + "'");
    };
  }

  private static boolean dockerAvailable() {
    try {
      boolean available = DockerClientFactory.instance().isDockerAvailable();
      LOG.info("Docker engine {}", available ? "found: using Testcontainers" : "not found: using the embedded KRaft broker");
      return available;
    } catch (RuntimeException | LinkageError e) {
      LOG.info("Docker engine check failed ({}): using the embedded KRaft broker", e.toString());
      return false;
    }
  }

  public Engine engine() {
    return engine;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Client properties for this broker. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  @Override
  public void close() {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("closing the Kafka fixture failed: {}", e.toString());
    }
  }
}
