package io.telejobs.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.PostingPartitions;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * Where ingest puts postings in {@code jobs.postings.v1} (6 partitions, a real broker): the partition of their
 * company, and when a company changes, nowhere else. The employers are as real ATS answers spell them
 * ({@code ingest/src/test/resources/ats/real/}).
 */
class KafkaPostingPublisherIT {
  private static final int PARTITIONS = 6;
  private static final List<String> EMPLOYERS = List.of("Booz Allen Hamilton", "Amazing Care Home Health Services",
      "TELUS Digital", "NVIDIA", "Bosch Group", "Datadog", "Spotify", "Centers for Disease Control and Prevention");

  private static JobPosting posting(String id, String company, String hash) {
    String url = "https://careers.example.org/jobs/" + id;
    return new JobPosting(JobPosting.SCHEMA_VERSION, id, "test", null, "Telehealth Project Manager", company,
        List.of("Columbus, OH, US"), List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"),
        StatedSalary.ofText("$100,000 - $115,000 a year"), "Lead our telehealth roll-out.", null, null, url, url, url,
        Instant.parse("2026-11-20T10:00:00Z"), hash);
  }

  /** Two employers whose postings live in different partitions. */
  private static String[] twoEmployersApart() {
    String first = EMPLOYERS.get(0);
    String other = EMPLOYERS.stream().filter(e -> partition(e) != partition(first)).findFirst().orElseThrow();
    return new String[] {first, other};
  }

  private static int partition(String company) {
    return PostingPartitions.of(company, PARTITIONS);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String describe(ConsumerRecord<String, byte[]> r) {
    return r.key() + "@" + r.partition() + (r.value() == null ? " tombstone" : " live")
        + (header(r, PostingPartitions.MOVED_TO) != null ? " moved-to " + header(r, PostingPartitions.MOVED_TO) : "")
        + (header(r, PostingPartitions.MOVED_FROM) != null ? " moved-from " + header(r, PostingPartitions.MOVED_FROM) : "");
  }

  @Test
  void aPostingWhoseCompanyChangesMovesAndLeavesNoCopyBehind() {
    String[] employers = twoEmployersApart();
    int from = partition(employers[0]);
    int to = partition(employers[1]);
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), List.of(Topics.POSTINGS, Topics.INGEST_ERRORS), PARTITIONS, (short) 1);
      try (KafkaPostingPublisher publisher = new KafkaPostingPublisher(kafka.clientProperties(), new PostingLedger())) {
        publisher.posting(posting("test:1", employers[0], "h1"));
        publisher.flush();
        publisher.posting(posting("test:1", employers[1], "h2"));
        publisher.flush();
      }
      try (TopicReader<String, byte[]> reader = new TopicReader<>(kafka.clientProperties(), Topics.POSTINGS.name(),
          Serdes.String(), Serdes.ByteArray())) {
        List<String> records = reader.pollUntil(rs -> rs.size() >= 3, Duration.ofSeconds(30)).stream()
            .map(KafkaPostingPublisherIT::describe).sorted().toList();
        assertThat(records).containsExactlyInAnyOrder(
            "test:1@" + from + " live",
            "test:1@" + from + " tombstone moved-to " + to,
            "test:1@" + to + " live moved-from " + from);
        // the old partition's last word on the posting is its tombstone (compaction keeps only that there)
        assertThat(reader.poll().stream().filter(r -> r.partition() == from).reduce((a, b) -> b).orElseThrow().value())
            .isNull();
      }
      try (KafkaPostingPublisher restarted = new KafkaPostingPublisher(kafka.clientProperties(), new PostingLedger())) {
        restarted.posting(posting("test:1", employers[1], "h2"));
        assertThat(restarted.unchanged.get()).as("rebuilt from the new partition, not the old copy").isEqualTo(1);
        restarted.closed("test:1", "gone");
        restarted.flush();
      }
      try (TopicReader<String, byte[]> reader = new TopicReader<>(kafka.clientProperties(), Topics.POSTINGS.name(),
          Serdes.String(), Serdes.ByteArray())) {
        List<ConsumerRecord<String, byte[]>> all = reader.pollUntil(rs -> rs.size() >= 4, Duration.ofSeconds(30));
        assertThat(describe(all.stream().filter(r -> r.partition() == to).reduce((a, b) -> b).orElseThrow()))
            .as("closed where it lives").isEqualTo("test:1@" + to + " tombstone");
      }
    }
  }

  /**
   * Copies left in a wrong partition: a move whose tombstone never landed (an older live copy elsewhere), and a
   * posting written before the topic was partitioned by company. On start the older copy gets its tombstone;
   * the misplaced posting moves on the next crawl that finds it.
   */
  @Test
  void onStartAStaleCopyIsRemovedAndAMisplacedPostingMovesWhenNextFound() throws Exception {
    String[] employers = twoEmployersApart();
    int home = partition(employers[0]);
    int elsewhere = partition(employers[1]);
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), List.of(Topics.POSTINGS, Topics.INGEST_ERRORS), PARTITIONS, (short) 1);
      long now = System.currentTimeMillis();
      Properties p = new Properties();
      p.putAll(kafka.clientProperties());
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
          new ByteArraySerializer())) {
        // "test:moved": its newest copy at home, an older one left behind in the other employer's partition
        send(producer, elsewhere, posting("test:moved", employers[1], "old"), now - 60_000);
        send(producer, home, posting("test:moved", employers[0], "new"), now - 30_000);
        // "test:early": written by key before partitions followed companies, in a partition not its company's
        send(producer, elsewhere, posting("test:early", employers[0], "e1"), now - 45_000);
        producer.flush();
      }
      try (KafkaPostingPublisher publisher = new KafkaPostingPublisher(kafka.clientProperties(), new PostingLedger());
          TopicReader<String, byte[]> reader = new TopicReader<>(kafka.clientProperties(), Topics.POSTINGS.name(),
              Serdes.String(), Serdes.ByteArray())) {
        assertThat(reader.pollUntil(rs -> rs.size() >= 4, Duration.ofSeconds(30)).stream()
            .map(KafkaPostingPublisherIT::describe).toList())
            .contains("test:moved@" + elsewhere + " tombstone moved-to " + home);
        publisher.posting(posting("test:moved", employers[0], "new"));
        assertThat(publisher.unchanged.get()).isEqualTo(1);
        publisher.posting(posting("test:early", employers[0], "e1"));
        publisher.flush();
        assertThat(publisher.published.get()).as("the misplaced one is published again, where it belongs").isEqualTo(1);
        List<String> records = reader.pollUntil(rs -> rs.size() >= 6, Duration.ofSeconds(30)).stream()
            .map(KafkaPostingPublisherIT::describe).toList();
        assertThat(records.subList(4, 6)).containsExactlyInAnyOrder(
            "test:early@" + elsewhere + " tombstone moved-to " + home,
            "test:early@" + home + " live moved-from " + elsewhere);
        assertThat(reader.drainFor(Duration.ofMillis(500))).hasSize(6);
      }
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, int partition, JobPosting posting, long timestamp)
      throws Exception {
    producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), partition, timestamp,
        posting.id().getBytes(StandardCharsets.UTF_8),
        Topics.POSTINGS.valueSerde().serializer().serialize(Topics.POSTINGS.name(), posting))).get();
  }
}
