package io.telejobs.local;

import com.fasterxml.jackson.core.type.TypeReference;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.ingest.IngestConfig;
import io.telejobs.ingest.IngestService;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.MatcherService;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three services wired together against one Kafka cluster, configured by one environment map
 * exactly as each service would be on its own. Used by the local run and by the end-to-end test.
 */
public final class LocalPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

  private final Map<String, String> env;
  private final Properties kafka;
  private MatcherService matcher;
  private NotifierService notifier;
  private IngestService ingest;
  private io.telejobs.analytics.AnalyticsService analytics;

  /** Totals of one crawl as it went through the whole pipeline. */
  public record Summary(IngestService.Summary crawl, int matchedLive, int alertsDecided, int emailsDelivered,
      int ingestErrors, int deadLetters, boolean settled) {}

  public LocalPipeline(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.kafka = new Env(env).kafkaProperties();
  }

  /** Creates topics, starts matcher and notifier and waits until both run. */
  public void start() {
    new Env(env).ensureTopics(Topics.all());
    matcher = new MatcherService(MatcherConfig.fromEnv(withAppId("telejobs-matcher")), env);
    notifier = new NotifierService(NotifierConfig.fromEnv(withAppId("telejobs-notifier")), env);
    analytics = new io.telejobs.analytics.AnalyticsService(
        io.telejobs.analytics.AnalyticsConfig.fromEnv(withAppId("telejobs-analytics")), java.time.Clock.systemUTC());
    matcher.start();
    notifier.start();
    analytics.start();
    awaitRunning("matcher", matcher::state);
    awaitRunning("notifier", notifier::state);
    try {
      if (!notifier.worker().awaitReady(Duration.ofSeconds(60))) {
        throw new IllegalStateException("notifier delivery worker not ready after 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    ingest = new IngestService(IngestConfig.fromEnv(env), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  /** Each Streams app gets its own application id and state folder, as separate services would. */
  private Map<String, String> withAppId(String appId) {
    Map<String, String> m = new java.util.HashMap<>(env);
    m.put("KAFKA_APPLICATION_ID", appId);
    m.put("KAFKA_STATE_DIR", env.getOrDefault("KAFKA_STATE_DIR",
        System.getProperty("java.io.tmpdir") + "/telejobs-local") + "/" + appId);
    return m;
  }

  /** The port of the analytics dashboard. */
  public int dashboardPort() {
    return analytics.port();
  }

  /** Writes the sample market history for the dashboard (never seen by subscribers); returns how many jobs. */
  public int publishSampleHistory() throws Exception {
    return SampleHistory.publish(kafka, java.time.Instant.now());
  }

  /** Publishes subscriptions to the compacted subscriptions topic. */
  public void subscribe(List<Subscription> subscriptions) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Subscription> producer = new KafkaProducer<>(p, Topics.SUBSCRIPTIONS.keySerde().serializer(),
        Topics.SUBSCRIPTIONS.valueSerde().serializer())) {
      for (Subscription s : subscriptions) {
        producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), s.id(), s)).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot publish subscriptions: " + e.getCause(), e.getCause());
    }
  }

  /** The demo subscriptions bundled with the local run. */
  public static List<Subscription> demoSubscriptions() {
    try (InputStream in = LocalPipeline.class.getResourceAsStream("/demo/subscriptions.json")) {
      return Json.mapper().readValue(in, new TypeReference<List<Subscription>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("bundled demo subscriptions unreadable", e);
    }
  }

  /** Crawls every source once and waits until the results have gone through to delivery. */
  public Summary crawlOnce(Duration quiet, Duration timeout) throws InterruptedException {
    try (PipelineProbe probe = new PipelineProbe(kafka)) {
      IngestService.Summary crawl = ingest.crawlOnce();
      boolean settled = probe.awaitSettled(quiet, timeout, () -> LOG.info(
          "pipeline: {} matched, {} alerts decided, {} emails delivered", probe.matched(), probe.alerts(),
          probe.delivered()));
      return new Summary(crawl, probe.matched(), probe.alerts(), probe.delivered(), probe.ingestErrors(),
          probe.deadLetters(), settled);
    }
  }

  private static void awaitRunning(String name, Supplier<KafkaStreams.State> state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (state.get() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not reach RUNNING within 90 s (state " + state.get() + ")");
      }
      if (state.get() == KafkaStreams.State.ERROR || state.get() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException(name + " failed to start: " + state.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    LOG.info("{} is running", name);
  }

  @Override
  public void close() {
    if (ingest != null) {
      ingest.close();
    }
    if (notifier != null) {
      notifier.close();
    }
    if (matcher != null) {
      matcher.close();
    }
    if (analytics != null) {
      analytics.close();
    }
  }
}
