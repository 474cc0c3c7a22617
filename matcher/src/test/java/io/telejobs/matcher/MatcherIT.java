package io.telejobs.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matcher topology on a real broker: restart mid-stream with no loss and no duplicates; re-tagging. */
class MatcherIT {
  private static final String[] TITLES = {
      "Telehealth Project Manager", "Telehealth Registered Nurse", "Healthcare IT Project Manager",
      "Construction Project Manager", "Telehealth Coordinator"};
  private static final int POSTINGS = 2000;
  private static KafkaFixture kafka;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  private static Map<String, String> env(String appId, String profile) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_APPLICATION_ID", appId);
    env.put("KAFKA_STATE_DIR", dir.resolve(appId).toString());
    env.put("APP_PROFILE_FILE", profile);
    return env;
  }

  private static MatcherService startMatcher(Map<String, String> env) {
    MatcherService service = new MatcherService(MatcherConfig.fromEnv(env), env);
    service.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (service.state() != KafkaStreams.State.RUNNING) {
      assertThat(System.nanoTime()).as("matcher RUNNING within 60 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return service;
  }

  private static String id(int i) {
    return "it:" + i;
  }

  private static boolean matches(int i) {
    int t = i % TITLES.length;
    return t == 0 || t == 2 || t == 4;
  }

  @Test
  void restartInTheMiddleOfTheStreamLosesNothingAndDuplicatesNothing() throws Exception {
    Properties props = kafka.clientProperties();
    try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(io.telejobs.contracts.PostingPartitioner.writer(props), Serdes.String().serializer(),
        Topics.POSTINGS.valueSerde().serializer())) {
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < POSTINGS; i++) {
        sent.add(producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), id(i), Postings.posting(id(i),
            TITLES[i % TITLES.length], "Telehealth roll-out at our hospital.", "Clinic " + i + ", OH, US"))));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get(); // every input is on the topic: a loss below is the matcher's
      }
    }
    Set<String> expected = IntStream.range(0, POSTINGS).filter(MatcherIT::matches).mapToObj(MatcherIT::id)
        .collect(Collectors.toSet());
    Map<String, String> env = env("matcher-it", io.telejobs.matcher.config.ProfileFiles.DEFAULT);

    try (TopicReader<String, MatchedJob> out = new TopicReader<>(props, Topics.MATCHED.name(), Serdes.String(),
        Topics.MATCHED.valueSerde())) {
      MatcherService first = startMatcher(env);
      out.pollUntil(r -> r.size() >= 50, Duration.ofSeconds(60));
      first.close(); // mid-stream: some output committed, most input not yet processed
      int afterFirst = out.poll().size();
      assertThat(afterFirst).as("stopped in the middle").isLessThan(expected.size());

      try (MatcherService second = startMatcher(env)) {
        List<ConsumerRecord<String, MatchedJob>> all;
        try {
          all = out.pollUntil(r -> r.size() >= expected.size(), Duration.ofSeconds(240));
        } catch (AssertionError e) {
          Set<String> seen = out.poll().stream().map(ConsumerRecord::key).collect(Collectors.toSet());
          throw new AssertionError("missing after restart: " + expected.stream().filter(k -> !seen.contains(k)).toList(), e);
        }
        ConsumerLag.awaitCaughtUp(props, "matcher-it", Topics.POSTINGS.name(), Duration.ofSeconds(60));
        all = out.drainFor(Duration.ofSeconds(1));
        Map<String, Long> perKey = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey.keySet()).as("no loss").isEqualTo(expected);
        assertThat(perKey.values()).as("no duplicates").allMatch(n -> n == 1L);

      }
    }
  }

  @Test
  void reTaggingWithANewProfileVersionUnderANewApplicationIdRewritesHistory() throws Exception {
    Properties props = kafka.clientProperties();
    String id = "retag:1";
    try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(io.telejobs.contracts.PostingPartitioner.writer(props), Serdes.String().serializer(),
        Topics.POSTINGS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), id, Postings.posting(id, "Telemedicine Program Manager", ""))).get();
    }
    String profile;
    try (InputStream in = getClass().getResourceAsStream("/profiles/telehealth-project-manager.yaml")) {
      profile = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("version: \"1.0.0\"", "version: \"1.1.0\"");
    }
    assertThat(profile).contains("version: \"1.1.0\"");
    Path newProfile = Files.writeString(dir.resolve("profile-1.1.0.yaml"), profile);

    try (TopicReader<String, MatchedJob> out = new TopicReader<>(props, Topics.MATCHED.name(), Serdes.String(),
        Topics.MATCHED.valueSerde());
        MatcherService retag = startMatcher(env("matcher-it-v1-1-0", newProfile.toString()))) {
      Function<List<ConsumerRecord<String, MatchedJob>>, Boolean> retagged = r -> r.stream()
          .anyMatch(x -> x.key().equals(id) && x.value() != null && x.value().profileVersion().equals("1.1.0"));
      List<ConsumerRecord<String, MatchedJob>> seen = out.pollUntil(retagged::apply, Duration.ofSeconds(90));
      assertThat(seen.stream().filter(x -> x.key().equals(id)).map(x -> x.value().profileVersion()))
          .contains("1.1.0");

      // the service's metrics carry Kafka Streams' own, counting what it processed
      io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = io.telejobs.observability.Metrics.registry("matcher");
      retag.bindMetrics(registry);
      assertThat(registry.scrape().lines().filter(l -> l.startsWith("kafka_stream_thread_process_total{"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
          .as("records processed, per the matcher's /metrics").isPositive();
    }
  }
}
