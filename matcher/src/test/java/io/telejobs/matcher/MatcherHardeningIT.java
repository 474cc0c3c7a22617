package io.telejobs.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison postings on a real broker (hardening issue, items 3 and 4): an absurd salary and a result too
 * large for its topic are dead-lettered with their cause, the matcher never restarts, and the postings
 * after them are matched.
 */
class MatcherHardeningIT {
  private static KafkaFixture kafka;
  private static MatcherService matcher;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      // the matched topic takes records of at most 6 KB here, so that an ordinary large posting is "too large"
      admin.createTopics(List.of(new NewTopic(Topics.MATCHED.name(), 1, (short) 1)
          .configs(Map.of("max.message.bytes", "6000", "cleanup.policy", "compact")))).all().get();
    }
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 1, (short) 1);
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_APPLICATION_ID", "matcher-hardening");
    env.put("KAFKA_STATE_DIR", dir.toString());
    env.put("APP_METRICS_PORT", "off");
    matcher = new MatcherService(MatcherConfig.fromEnv(env), env);
    matcher.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (matcher.state() != KafkaStreams.State.RUNNING) {
      assertThat(System.nanoTime()).as("matcher RUNNING within 60 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @AfterAll
  static void stop() {
    matcher.close();
    kafka.close();
  }

  /** A posting in a place of its own: four jobs, not one job found at four sources. */
  private static JobPosting posting(String id, StatedSalary pay, String description) {
    return new JobPosting(JobPosting.SCHEMA_VERSION, id, "hard", null, "Telehealth Program Manager", "Mercy Virtual",
        List.of(id + ", MO, US"), List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"), pay, description,
        null, null, "https://careers.example.org/" + id, "https://careers.example.org/" + id,
        "https://careers.example.org/" + id, Instant.parse("2026-11-30T10:00:00Z"), id);
  }

  private static void publish(JobPosting... postings) throws Exception {
    Properties p = kafka.clientProperties();
    try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(io.telejobs.contracts.PostingPartitioner.writer(p), Serdes.String().serializer(),
        Topics.POSTINGS.valueSerde().serializer())) {
      for (JobPosting posting : postings) {
        producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), posting.id(), posting)).get();
      }
    }
  }

  @Test
  void poisonPostingsAreDeadLetteredAndTheMatcherGoesOn() throws Exception {
    // 1,500 distinct words: the matched job carries them as keywords and no longer fits in 6 KB
    String manyWords = IntStream.range(0, 1_500).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    publish(
        posting("huge-pay", StatedSalary.ofText("$9223372036854775808 a year"), "Lead telehealth."),
        posting("huge-structured", new StatedSalary(null, "USD", null, null, new BigDecimal("1E+400"), "YEAR"),
            "Lead telehealth."),
        posting("too-large", null, "Lead telehealth. " + manyWords),
        posting("after", StatedSalary.ofText("$120,000 - $140,000 a year"), "Lead telehealth."));

    try (TopicReader<String, MatchedJob> matched = new TopicReader<>(kafka.clientProperties(), Topics.MATCHED.name(),
        Serdes.String(), Topics.MATCHED.valueSerde());
        TopicReader<byte[], byte[]> dlq = new TopicReader<>(kafka.clientProperties(), Topics.MATCHER_DLQ.name(),
            Serdes.ByteArray(), Serdes.ByteArray())) {
      var jobs = matched.pollUntil(rs -> rs.stream().anyMatch(r -> r.key().equals("after")), Duration.ofSeconds(90));
      assertThat(jobs).extracting(r -> r.key()).contains("huge-pay", "huge-structured", "after")
          .doesNotContain("too-large");
      assertThat(jobs).filteredOn(r -> r.key().startsWith("huge")).allSatisfy(r -> {
        assertThat(r.value().salary()).as("an absurd amount is not pay").isNull();
        assertThat(r.value().reasons()).anySatisfy(reason -> assertThat(reason.rule()).startsWith("salary.not-pay"));
      });
      var dead = dlq.pollUntil(rs -> !rs.isEmpty(), Duration.ofSeconds(60));
      assertThat(dead).singleElement().satisfies(r -> {
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("too-large");
        assertThat(header(r.headers(), DeadLetters.STAGE)).isEqualTo("produce:" + Topics.MATCHED.name());
        assertThat(header(r.headers(), DeadLetters.ERROR_CLASS)).endsWith("RecordTooLargeException");
      });
    }
    assertThat(matcher.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  private static String header(org.apache.kafka.common.header.Headers h, String key) {
    return new String(h.lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
