package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.FixtureHttpServer;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline end to end on a real broker: the bundled sample sites over HTTP, ingest, matcher,
 * notifier, and a real SMTP server (GreenMail).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PipelineIT {
  private static KafkaFixture kafka;
  private static FixtureHttpServer site;
  private static GreenMail smtp;
  private static LocalPipeline pipeline;
  @TempDir
  static Path state;

  @BeforeAll
  static void start() {
    kafka = KafkaFixture.fresh();
    site = FixtureHttpServer.serving("sample-sites");
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("SAMPLE_SITE_URL", site.baseUrl());
    env.put("APP_SOURCES_FILE", "classpath:sources/demo.json");
    env.put("APP_HOST_DELAY", "PT0.05S");
    env.put("APP_FETCH_ALLOWLIST", "127.0.0.1");
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("APP_TOKEN_SECRET", "integration-test-secret-0123456789abcdef");
    env.put("KAFKA_STATE_DIR", state.toString());
    env.put("APP_HTTP_PORT", "0");
    pipeline = new LocalPipeline(env);
    pipeline.start();
    pipeline.subscribe(List.of(
        subscription("ana", "ana@example.com", new Criteria(Set.of(Tier.CORE, Tier.ADJACENT), null, Set.of("US"),
            null, null, null, null, null, null)),
        subscription("nobody", "nobody@example.com", new Criteria(Set.of(Tier.PATHWAY), null, Set.of("DE"),
            null, null, null, null, null, null))));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (site != null) {
      site.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Subscription subscription(String id, String email, Criteria criteria) {
    return new Subscription(Subscription.SCHEMA_VERSION, id, email, null, criteria, Frequency.INSTANT,
        SubscriptionStatus.ACTIVE, Instant.parse("2026-11-25T00:00:00Z"), null, null, null);
  }

  private static List<String> subjectsTo(String address) throws Exception {
    List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
        subjects.add(m.getSubject());
      }
    }
    return subjects;
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void scrapedPostingsBecomeEmailsOnlyForFittingSubscribersAndOnlyOnce() throws Exception {
    LocalPipeline.Summary first = pipeline.crawlOnce(Duration.ofSeconds(2), Duration.ofMinutes(2));

    assertThat(first.settled()).isTrue();
    assertThat(first.crawl().postingsFound()).isEqualTo(8);
    assertThat(first.matchedLive()).as("core, adjacent and pathway postings of both sites").isEqualTo(5);
    assertThat(subjectsTo("ana@example.com")).containsExactlyInAnyOrder(
        "New job: Senior Telehealth Project Manager at Riverside Health",
        "New job: Healthcare IT Project Manager – Epic at Riverside Health");
    assertThat(subjectsTo("nobody@example.com")).isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(2)
        .allSatisfy(m -> assertThat(m.getSubject()).doesNotContain("Nurse", "Construction", "Telesales"));

    // the same crawl again: nothing changed, nothing published, no second email
    LocalPipeline.Summary second = pipeline.crawlOnce(Duration.ofSeconds(2), Duration.ofMinutes(2));
    assertThat(second.crawl().published()).isZero();
    assertThat(second.crawl().unchanged()).isEqualTo(8);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void poisonPostingIsDeadLetteredAndAChangedPostingIsNotAlertedTwice() throws Exception {
    pipeline.crawlOnce(Duration.ofSeconds(2), Duration.ofMinutes(2));
    int emailsBefore = smtp.getReceivedMessages().length;
    Properties props = kafka.clientProperties();

    // as every writer of the postings topic: each posting in its company's partition
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(io.telejobs.contracts.PostingPartitioner.writer(props), new ByteArraySerializer(), new ByteArraySerializer());
        TopicReader<byte[], byte[]> dlq = new TopicReader<>(props, Topics.MATCHER_DLQ.name(), Serdes.ByteArray(), Serdes.ByteArray());
        TopicReader<String, MatchedJob> matched = new TopicReader<>(props, Topics.MATCHED.name(), Serdes.String(), Topics.MATCHED.valueSerde())) {
      raw.send(new ProducerRecord<>(Topics.POSTINGS.name(), "poison".getBytes(StandardCharsets.UTF_8),
          "{\"title\": ".getBytes(StandardCharsets.UTF_8))).get();

      var dead = dlq.pollUntil(r -> !r.isEmpty(), Duration.ofSeconds(60)).get(0);
      assertThat(new String(dead.headers().lastHeader(DeadLetters.STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("deserialize");

      // the same job, edited at the source: the matcher re-tags it, the notifier must not alert again
      matched.pollUntil(r -> r.stream().anyMatch(x -> x.key().equals("riverside-health:RH-4410")), Duration.ofSeconds(60));
      JobPosting current;
      try (TopicReader<String, byte[]> postings = new TopicReader<>(props, Topics.POSTINGS.name(), Serdes.String(),
          Serdes.ByteArray())) { // bytes: the poison record above is on this topic too
        current = Topics.POSTINGS.valueSerde().deserializer().deserialize(Topics.POSTINGS.name(), postings.pollUntil(
            r -> r.stream().anyMatch(x -> x.key().equals("riverside-health:RH-4410")), Duration.ofSeconds(60))
            .stream().filter(x -> x.key().equals("riverside-health:RH-4410")).findFirst().orElseThrow().value());
      }
      JobPosting edited = new JobPosting(current.schemaVersion(), current.id(), current.source(), current.externalId(),
          current.title(), current.company(), current.locations(), current.countries(), current.workMode(),
          current.workModeEvidence(), current.employmentTypes(), current.salary(), current.description() + " Updated.",
          current.datePosted(), current.validThrough(), current.postingUrl(), current.applyUrl(), current.sourceUrl(),
          Instant.parse("2026-11-30T12:00:00Z"), "edited");
      raw.send(new ProducerRecord<>(Topics.POSTINGS.name(), edited.id().getBytes(StandardCharsets.UTF_8),
          Topics.POSTINGS.valueSerde().serializer().serialize(Topics.POSTINGS.name(), edited))).get();

      matched.pollUntil(r -> r.stream().anyMatch(x -> x.value() != null && edited.fetchedAt().equals(x.value().fetchedAt())),
          Duration.ofSeconds(60));
      ConsumerLag.awaitCaughtUp(props, "telejobs-notifier", Topics.MATCHED.name(), Duration.ofSeconds(60));
      ConsumerLag.awaitCaughtUp(props, "telejobs-notifier-delivery", Topics.ALERTS.name(), Duration.ofSeconds(60));
    }
    assertThat(smtp.getReceivedMessages()).hasSize(emailsBefore);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void aPostingGoneFromItsSiteClosesAfterTwoCompleteCrawlsAndItsMatchIsTombstoned() throws Exception {
    String listing;
    try (var in = getClass().getResourceAsStream("/sample-sites/riverside/index.html")) {
      listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String without = listing.replaceAll("(?m)^.*healthcare-it-pm\\.html.*$", "");
    assertThat(without).doesNotContain("healthcare-it-pm");
    site.on("/riverside/", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", without.getBytes(StandardCharsets.UTF_8)));
    site.on("/riverside/jobs/healthcare-it-pm.html", ex -> FixtureHttpServer.send(ex, 404, "text/plain", "gone".getBytes()));

    assertThat(pipeline.crawlOnce(Duration.ofSeconds(1), Duration.ofMinutes(1)).crawl().closed()).as("one miss").isZero();
    assertThat(pipeline.crawlOnce(Duration.ofSeconds(1), Duration.ofMinutes(1)).crawl().closed()).isEqualTo(1);

    try (TopicReader<String, MatchedJob> matched = new TopicReader<>(kafka.clientProperties(), Topics.MATCHED.name(),
        Serdes.String(), Topics.MATCHED.valueSerde())) {
      matched.pollUntil(rs -> rs.stream().anyMatch(r -> r.key().equals("riverside-health:RH-4388") && r.value() == null),
          Duration.ofSeconds(60));
    }
  }
}
