package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.PostingPartitions;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.publish.KafkaPostingPublisher;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.MatcherService;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Postings whose identity changes, through ingest's real publisher and the real matcher on a real broker with
 * 6 partitions: the title changes (same company, same partition), or the company changes (another partition).
 * Nothing stale is left, in the postings topic's old partition or on {@code jobs.matched.v2}, and an id is
 * written for by one partition's task only. Employers as real ATS answers spell them
 * ({@code ingest/src/test/resources/ats/real/}).
 */
class PostingMoveIT {
  private static final int PARTITIONS = 6;
  private static final List<String> EMPLOYERS = List.of("Booz Allen Hamilton", "Amazing Care Home Health Services",
      "TELUS Digital", "NVIDIA", "Bosch Group", "Datadog", "Spotify", "Centers for Disease Control and Prevention");

  @TempDir
  Path state;

  private static JobPosting posting(String id, String company, String title) {
    String url = "https://careers.example.org/jobs/" + id;
    return new JobPosting(JobPosting.SCHEMA_VERSION, id, "test", null, title, company, List.of("Columbus, OH, US"),
        List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"), StatedSalary.ofText("$100,000 - $115,000 a year"),
        "Lead the roll-out of our telehealth platform across 20 clinics.", null, null, url, url, url,
        Instant.parse("2026-11-20T10:00:00Z"), Integer.toHexString((company + title).hashCode()));
  }

  /** Three employers whose postings live in three different partitions. */
  private static List<String> employersApart() {
    List<String> out = new ArrayList<>();
    for (String e : EMPLOYERS) {
      if (out.stream().noneMatch(o -> PostingPartitions.of(o, PARTITIONS) == PostingPartitions.of(e, PARTITIONS))) {
        out.add(e);
      }
    }
    return out.subList(0, 3);
  }

  private static String show(ConsumerRecord<String, MatchedJob> r) {
    return r.key() + (r.value() == null ? " tombstone" : " " + r.value().company() + " / " + r.value().title());
  }

  @Test
  void aPostingWhoseIdentityChangesLeavesNothingStaleAndOneTaskSpeaksForItsId() throws Exception {
    List<String> e = employersApart();
    String a = e.get(0);
    String b = e.get(1);
    String c = e.get(2);
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), PARTITIONS, (short) 1);
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      env.put("KAFKA_STATE_DIR", state.toString());
      try (MatcherService matcher = new MatcherService(MatcherConfig.fromEnv(env), env);
          KafkaPostingPublisher ingest = new KafkaPostingPublisher(kafka.clientProperties(), new PostingLedger());
          TopicReader<String, MatchedJob> matched = new TopicReader<>(kafka.clientProperties(), Topics.MATCHED.name(),
              Serdes.String(), Topics.MATCHED.valueSerde())) {
        matcher.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> matcher.state() == KafkaStreams.State.RUNNING);
        ingest.posting(posting("title:1", a, "Telehealth Project Manager"));
        ingest.posting(posting("move:2", a, "Telehealth Project Manager"));
        ingest.posting(posting("stay:3", b, "Telehealth Project Manager"));
        ingest.posting(posting("move:4", a, "Virtual Care Program Manager"));
        ingest.flush();
        // every first version is out before any moves (a move is a later crawl's news, not the same second's)
        matched.pollUntil(r -> r.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
            .containsAll(List.of("stay:3", "move:4")) && r.stream().anyMatch(x -> x.key().equals("title:1")
            && x.value() != null && x.value().sourceUrls().size() == 2), Duration.ofSeconds(60));

        ingest.posting(posting("title:1", a, "Senior Telehealth Project Manager")); // same partition, new group
        ingest.flush(); // the group title:1 left goes on as move:2's; that is out before move:2 moves (see README)
        matched.pollUntil(r -> r.stream().anyMatch(x -> x.key().equals("move:2")), Duration.ofSeconds(60));
        ingest.posting(posting("move:2", b, "Telehealth Project Manager")); // to b: stay:3's job there
        ingest.posting(posting("move:4", c, "Virtual Care Program Manager")); // to c: a job of its own there
        ingest.flush();
        ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-matcher", Topics.POSTINGS.name(),
            Duration.ofSeconds(60));
        List<ConsumerRecord<String, MatchedJob>> all = matched.drainFor(Duration.ofSeconds(1));
        Map<String, List<String>> byId = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
            Collectors.mapping(PostingMoveIT::show, Collectors.toList())));

        // one partition, one task, in order: title:1 leaves the group it shared with move:2 for a new one, and the
        // group left behind goes on under move:2 (under title:1 it would overwrite title:1's new job, or close it)
        assertThat(byId.get("title:1")).last().isEqualTo("title:1 " + a + " / Senior Telehealth Project Manager");
        assertThat(byId.get("title:1")).doesNotContain("title:1 tombstone");
        // move:4 alone in a and alone in c: c publishes under its id; a, which it left, says nothing (no tombstone)
        assertThat(byId.get("move:4")).containsExactly("move:4 " + a + " / Virtual Care Program Manager",
            "move:4 " + c + " / Virtual Care Program Manager");
        // move:2 joins stay:3's job in b, published under stay:3, so its own id is tombstoned from b
        assertThat(byId.get("move:2")).last().isEqualTo("move:2 tombstone");
        MatchedJob stay = all.stream().filter(r -> r.key().equals("stay:3")).reduce((x, y) -> y).orElseThrow().value();
        assertThat(stay.sourceUrls()).containsExactlyInAnyOrder("https://careers.example.org/jobs/stay:3",
            "https://careers.example.org/jobs/move:2");
      }
      // the postings topic: the last record of each moved posting in the partition it left is a tombstone
      try (TopicReader<String, byte[]> postings = new TopicReader<>(kafka.clientProperties(), Topics.POSTINGS.name(),
          Serdes.String(), Serdes.ByteArray())) {
        List<ConsumerRecord<String, byte[]>> all = postings.pollUntil(r -> r.size() >= 9, Duration.ofSeconds(30));
        int fromA = PostingPartitions.of(a, PARTITIONS);
        for (String id : List.of("move:2", "move:4")) {
          assertThat(all.stream().filter(r -> r.key().equals(id) && r.partition() == fromA).reduce((x, y) -> y)
              .orElseThrow().value()).as(id + " in the partition it left").isNull();
        }
      }
    }
  }
}
