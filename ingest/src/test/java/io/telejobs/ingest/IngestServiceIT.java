package io.telejobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topics;
import io.telejobs.observability.Metrics;
import io.telejobs.testkit.FixtureHttpServer;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest as a service on a real broker: two sources on two hosts, its Kafka output and its metrics. */
class IngestServiceIT {
  private static KafkaFixture kafka;
  private static FixtureHttpServer site;

  @BeforeAll
  static void start() {
    kafka = KafkaFixture.fresh();
    site = FixtureHttpServer.serving("sites/clinic");
  }

  @AfterAll
  static void stop() {
    site.close();
    kafka.close();
  }

  @Test
  void publishesNewPostingsOnceAndCountsEverythingInItsMetrics(@TempDir Path dir) throws Exception {
    int port = site.uri("/").getPort();
    Path sources = dir.resolve("sources.json");
    Files.writeString(sources, """
        {"sources": [
          {"name": "by-ip", "seeds": ["http://127.0.0.1:%d/"], "linkSelector": "a.job", "maxDepth": 1},
          {"name": "by-name", "seeds": ["http://localhost:%d/"], "linkSelector": "a.job", "maxDepth": 1}
        ]}""".formatted(port, port));
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("APP_SOURCES_FILE", sources.toString());
    env.put("APP_HOST_DELAY", "PT0.05S");
    env.put("APP_TOPIC_REPLICATION", "1");
    env.put("APP_FETCH_ALLOWLIST", "127.0.0.1,localhost");
    PrometheusMeterRegistry registry = Metrics.registry("ingest");

    IngestService.Summary first;
    IngestService.Summary second;
    String scrape;
    try (IngestService ingest = new IngestService(IngestConfig.fromEnv(env), registry)) {
      first = ingest.crawlOnce();
      second = ingest.crawlOnce();
      scrape = registry.scrape(); // while the service lives: its meters follow it, not outlive it
    }

    assertThat(first.published()).isEqualTo(first.newPostings()).isEqualTo(first.postingsFound()).isEqualTo(10);
    assertThat(second.published()).as("nothing changed").isZero();
    assertThat(second.unchanged()).isEqualTo(10);
    assertThat(second.toString()).contains("new=0, changed=0, unchanged=10, closed=0");
    try (TopicReader<String, JobPosting> postings = new TopicReader<>(kafka.clientProperties(),
        Topics.POSTINGS.name(), Topics.POSTINGS.keySerde(), Topics.POSTINGS.valueSerde())) {
      List<ConsumerRecord<String, JobPosting>> records = postings.pollUntil(r -> r.size() >= 10, Duration.ofSeconds(30));
      assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
          .anyMatch(k -> k.startsWith("by-ip:")).anyMatch(k -> k.startsWith("by-name:"));
    }
    long pagesByIp = (first.pagesFetched() + second.pagesFetched()) / 2;
    assertThat(scrape)
        .contains("ingest_pages_fetched_total{service=\"ingest\",source=\"by-ip\"} " + pagesByIp + ".0")
        .contains("ingest_crawls_total{service=\"ingest\",source=\"by-name\"} 2.0")
        .contains("ingest_postings_found_total{service=\"ingest\",source=\"by-name\"} 10.0")
        .contains("ingest_postings_published_total{service=\"ingest\"} 10.0")
        .contains("ingest_postings_unchanged_total{service=\"ingest\"} 10.0")
        .contains("ingest_postings_open{service=\"ingest\"} 10.0")
        .contains("kafka_producer_record_send_total");
  }

  @Test
  void aPostingKafkaRefusesIsReportedAgainstItsOwnSourceAndTheOtherSourcesPublish(@TempDir Path dir) throws Exception {
    try (KafkaFixture small = KafkaFixture.fresh();
        org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(small.clientProperties())) {
      // this broker takes postings of at most 4 KB: an ordinary long description is "too large" here
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.POSTINGS.name(), 1, (short) 1)
          .configs(Map.of("max.message.bytes", "4000", "cleanup.policy", "compact")))).all().get();
      String longDescription = "Lead the telehealth roll-out. ".repeat(400);
      site.on("/big/job.html", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", ("""
          <html><head><script type="application/ld+json">
          {"@context": "https://schema.org", "@type": "JobPosting", "title": "Telehealth Program Manager",
           "hiringOrganization": {"name": "Big Health"}, "description": "%s", "identifier": "BIG-1"}
          </script></head><body></body></html>""".formatted(longDescription)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      int port = site.uri("/").getPort();
      Path sources = dir.resolve("sources.json");
      Files.writeString(sources, """
          {"sources": [
            {"name": "big", "seeds": ["http://127.0.0.1:%d/big/job.html"], "maxDepth": 0},
            {"name": "clinic", "seeds": ["http://localhost:%d/"], "linkSelector": "a.job", "maxDepth": 1}
          ]}""".formatted(port, port));
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", small.bootstrapServers());
      env.put("APP_SOURCES_FILE", sources.toString());
      env.put("APP_HOST_DELAY", "PT0.05S");
      env.put("APP_FETCH_ALLOWLIST", "127.0.0.1,localhost");
      env.put("APP_METRICS_PORT", "off");

      PrometheusMeterRegistry registry = Metrics.registry("ingest");
      String scrape;
      try (IngestService ingest = new IngestService(IngestConfig.fromEnv(env), registry)) {
        ingest.crawlOnce();
        scrape = registry.scrape();
      }
      assertThat(scrape).as("the other source's crawl is not blamed for the refused posting")
          .contains("ingest_crawls_total{service=\"ingest\",source=\"clinic\"} 1.0")
          .contains("ingest_crawls_incomplete_total{service=\"ingest\",source=\"clinic\"} 0.0");

      try (TopicReader<String, io.telejobs.contracts.IngestError> errors = new TopicReader<>(small.clientProperties(),
          Topics.INGEST_ERRORS.name(), Topics.INGEST_ERRORS.keySerde(), Topics.INGEST_ERRORS.valueSerde());
          TopicReader<String, JobPosting> postings = new TopicReader<>(small.clientProperties(), Topics.POSTINGS.name(),
              Topics.POSTINGS.keySerde(), Topics.POSTINGS.valueSerde())) {
        var publishErrors = errors.pollUntil(rs -> rs.stream().anyMatch(r -> r.value().stage()
            == io.telejobs.contracts.IngestError.Stage.PUBLISH), Duration.ofSeconds(30)).stream()
            .map(ConsumerRecord::value).filter(e -> e.stage() == io.telejobs.contracts.IngestError.Stage.PUBLISH).toList();
        assertThat(publishErrors).singleElement().satisfies(e -> {
          assertThat(e.source()).isEqualTo("big");
          assertThat(e.url()).endsWith("/big/job.html");
          assertThat(e.reason()).contains("Telehealth Program Manager").contains("larger than Kafka accepts");
        });
        assertThat(postings.pollUntil(rs -> rs.size() >= 5, Duration.ofSeconds(30)))
            .extracting(ConsumerRecord::key).allMatch(k -> k.startsWith("clinic:"));
      }
    }
  }
}
