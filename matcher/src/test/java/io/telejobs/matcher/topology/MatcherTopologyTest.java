package io.telejobs.matcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.Postings;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.tag.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatcherTopologyTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> postings;
  private TestOutputTopic<String, MatchedJob> matched;
  private TestOutputTopic<byte[], byte[]> dlq;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "matcher-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(
        MatcherTopology.build(new Tagger(Profiles.TELEHEALTH), Clock.fixed(NOW, ZoneOffset.UTC)), props);
    postings = driver.createInputTopic(Topics.POSTINGS.name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    matched = driver.createOutputTopic(Topics.MATCHED.name(), Serdes.String().deserializer(),
        Topics.MATCHED.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.MATCHER_DLQ.name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(String id, String title) {
    postings.pipeInput(id, Topics.POSTINGS.valueSerde().serializer()
        .serialize("t", Postings.posting(id, title, "Lead our telehealth roll-out. HIPAA, Epic EHR. PMP.")));
  }

  @Test
  void publishesOnlyMatchingPostingsWithTagsAndReasons() {
    send("a", "Senior Telehealth Project Manager");
    send("b", "Telehealth Nurse (RN)");
    send("c", "Healthcare IT Project Manager");

    var out = matched.readKeyValuesToMap();
    assertThat(out).containsOnlyKeys("a", "c");
    MatchedJob a = out.get("a");
    assertThat(a.tier()).isEqualTo(Tier.CORE);
    assertThat(a.level()).isEqualTo(Level.SENIOR);
    assertThat(a.profileId()).isEqualTo("telehealth-project-manager");
    assertThat(a.profileVersion()).isEqualTo("1.0.0");
    assertThat(a.taggedAt()).isEqualTo(NOW);
    assertThat(a.salary().annualMin()).isEqualByComparingTo("100000");
    assertThat(a.salary().band()).isEqualTo(Level.MID);
    assertThat(a.skills()).contains("ehr", "hipaa-privacy");
    assertThat(a.certifications()).contains("pmp");
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.tag()).isEqualTo("tier=core"));
    assertThat(out.get("c").tier()).isEqualTo(Tier.ADJACENT);
  }

  @Test
  void closedPostingThatMatchedBecomesATombstoneAndNeverMatchedOneIsSilent() {
    send("a", "Telehealth Project Manager");
    postings.pipeInput("a", (byte[]) null);
    postings.pipeInput("never-matched", (byte[]) null);

    var records = matched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsExactly("a", "a");
    assertThat(records.get(1).value()).isNull();
  }

  /** Dedup needs no repartition topic: the postings topic is partitioned by company, the start of an identity. */
  @Test
  void isOneSubTopologyWithoutARepartitionTopic() {
    var description = MatcherTopology.build(new Tagger(Profiles.TELEHEALTH), Clock.systemUTC()).describe();
    assertThat(description.subtopologies()).hasSize(1);
    assertThat(description.toString()).doesNotContain("repartition");
  }

  @Test
  void aTitleChangeMovesThePostingToItsNewGroupInOrder() {
    send("a", "Telehealth Project Manager");
    send("b", "Telehealth Project Manager"); // the same job at a second source: one group, published as "a"
    send("a", "Telehealth Program Manager"); // a's new title: a group of its own; the one it left goes on as "b"
    var records = matched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsExactly("a", "a", "b", "a");
    assertThat(records.get(2).value().sourceUrls()).containsExactly("https://careers.example.org/jobs/b");
    assertThat(records.get(3).value().title()).isEqualTo("Telehealth Program Manager");

    postings.pipeInput("b", (byte[]) null); // the group left behind closes: its tombstone is b's, not a's
    records = matched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsExactly("b");
    assertThat(records.get(0).value()).isNull();
  }

  private void sendMoved(String id, String title, String company, String header) {
    var p = Postings.posting(id, title, "Lead our telehealth roll-out. HIPAA, Epic EHR. PMP.");
    var moved = new io.telejobs.contracts.JobPosting(p.schemaVersion(), p.id(), p.source(), p.externalId(), p.title(),
        company, p.locations(), p.countries(), p.workMode(), p.workModeEvidence(), p.employmentTypes(), p.salary(),
        p.description(), p.datePosted(), p.validThrough(), p.postingUrl(), p.applyUrl(), p.sourceUrl(), p.fetchedAt(),
        p.contentHash() + company.length());
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    headers.add(header, "1".getBytes(StandardCharsets.UTF_8));
    postings.pipeInput(new TestRecord<>(id, Topics.POSTINGS.valueSerde().serializer().serialize("t", moved), headers));
  }

  /**
   * Ingest moves a posting whose company changed: a tombstone marked moved-to in its old partition, the record
   * marked moved-from in the new. The old task says nothing for the id; the new one speaks for it.
   */
  @Test
  void aPostingThatChangedCompanyIsWrittenForOnlyByItsNewPartition() {
    send("a", "Telehealth Project Manager");
    var movedAway = new org.apache.kafka.common.header.internals.RecordHeaders();
    movedAway.add(io.telejobs.contracts.PostingPartitions.MOVED_TO, "1".getBytes(StandardCharsets.UTF_8));
    postings.pipeInput(new TestRecord<>("a", (byte[]) null, movedAway));
    sendMoved("a", "Telehealth Project Manager", "Harbor Health", io.telejobs.contracts.PostingPartitions.MOVED_FROM);
    var records = matched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsExactly("a", "a");
    assertThat(records.get(1).value().company()).isEqualTo("Harbor Health");

    var movedAgain = new org.apache.kafka.common.header.internals.RecordHeaders();
    movedAgain.add(io.telejobs.contracts.PostingPartitions.MOVED_TO, "2".getBytes(StandardCharsets.UTF_8));
    postings.pipeInput(new TestRecord<>("a", (byte[]) null, movedAgain));
    sendMoved("a", "Telehealth Registered Nurse", "Lakeside Clinics", io.telejobs.contracts.PostingPartitions.MOVED_FROM);
    records = matched.readRecordsToList();
    assertThat(records).as("moved in and no longer matching: its id is tombstoned from the new partition")
        .hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("a");
    assertThat(records.get(0).value()).isNull();
  }

  @Test
  void postingThatStopsMatchingIsRetracted() {
    send("a", "Telehealth Project Manager");
    send("a", "Telehealth Registered Nurse");

    var records = matched.readRecordsToList();
    assertThat(records).hasSize(2);
    assertThat(records.get(1).value()).isNull();
  }

  @Test
  void poisonRecordGoesToTheDlqWithItsCauseAndProcessingContinues() {
    byte[] poison = "{\"title\": \"oops\", broken".getBytes(StandardCharsets.UTF_8);
    postings.pipeInput("bad", poison);
    send("good", "Telemedicine Program Manager");

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
    assertThat(header(dead, DeadLetters.STAGE)).isEqualTo("deserialize");
    assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("JobPosting");
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.POSTINGS.name());
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(matched.readKeyValuesToMap()).containsOnlyKeys("good");
  }

  @Test
  void theSameJobAtTwoSourcesIsPublishedOnceCarryingBothUrls() {
    send("career-site:RH-1", "Telehealth Project Manager");
    send("ats-board:991", "Telehealth Project Manager");

    var records = matched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsOnly("career-site:RH-1");
    MatchedJob last = records.get(records.size() - 1).value();
    assertThat(last.jobId()).isEqualTo("career-site:RH-1");
    assertThat(last.sourceUrls()).containsExactly("https://careers.example.org/jobs/career-site:RH-1",
        "https://careers.example.org/jobs/ats-board:991");
  }

  @Test
  void aGroupLivesUntilItsLastSourceClosesAndKeepsItsId() {
    send("a", "Telehealth Project Manager");
    send("b", "Telehealth Project Manager");
    postings.pipeInput("a", (byte[]) null);

    TestRecord<String, MatchedJob> afterFirstClosed = matched.readRecordsToList().get(2);
    assertThat(afterFirstClosed.key()).isEqualTo("a");
    assertThat(afterFirstClosed.value().sourceUrls()).containsExactly("https://careers.example.org/jobs/b");

    postings.pipeInput("b", (byte[]) null);
    TestRecord<String, MatchedJob> tombstone = matched.readRecord();
    assertThat(tombstone.key()).isEqualTo("a");
    assertThat(tombstone.value()).isNull();
  }

  /**
   * When the newest posting of a group closes, the group is published again with the links of the posting
   * still live (its posting id, page and source URL), not the closed one's; the dedup store keeps the job's
   * JSON only while the group has several postings.
   */
  @Test
  void whenTheNewestPostingLeavesTheGroupPointsAtTheOneStillLive() {
    var store = driver.<String, DedupGroup>getKeyValueStore(MatcherTopology.DEDUP_STORE);
    send("a", "Telehealth Project Manager");
    String identity = store.all().next().key;
    assertThat(store.get(identity).json()).as("one source: no job kept").isNull();
    send("b", "Telehealth Project Manager");
    assertThat(store.get(identity).json()).as("two sources: the newest content kept").isNotNull();
    postings.pipeInput("b", (byte[]) null);

    List<TestRecord<String, MatchedJob>> records = matched.readRecordsToList();
    assertThat(records).hasSize(3);
    MatchedJob afterNewestClosed = records.get(2).value();
    assertThat(afterNewestClosed.jobId()).isEqualTo("a");
    assertThat(afterNewestClosed.postingId()).isEqualTo("a");
    assertThat(afterNewestClosed.postingUrl()).isEqualTo("https://careers.example.org/jobs/a");
    assertThat(afterNewestClosed.applyUrl()).isEqualTo("https://careers.example.org/jobs/a");
    assertThat(afterNewestClosed.sourceUrls()).containsExactly("https://careers.example.org/jobs/a");
    assertThat(afterNewestClosed.tier()).isEqualTo(records.get(0).value().tier());
    assertThat(store.get(identity).json()).as("one source again").isNull();
    assertThat(store.get(identity).members()).extracting(DedupGroup.Posting::jobId).containsExactly("a");
  }

  private static String header(TestRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @org.junit.jupiter.api.Test
  void aPostingThatTakesLongerThanItsBudgetIsDeadLetteredAndTheNextIsTagged() {
    driver.close();
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean(true);
    // the first posting's clock jumps 3 s on every look: it is over its 2 s budget at the first check
    java.util.function.LongSupplier ticker = () -> slow.get() ? nanos.addAndGet(3_000_000_000L) : nanos.get();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "matcher-budget-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(MatcherTopology.build(new Tagger(Profiles.TELEHEALTH), Clock.fixed(NOW, ZoneOffset.UTC),
        MatcherTopology.DEFAULT_DEDUP_WINDOW, java.time.Duration.ofSeconds(2), ticker,
        MatcherTopology.DEFAULT_MAX_MATCHED_BYTES), props);
    postings = driver.createInputTopic(Topics.POSTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    matched = driver.createOutputTopic(Topics.MATCHED.name(), Serdes.String().deserializer(),
        Topics.MATCHED.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.MATCHER_DLQ.name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());

    postings.pipeInput("slow", json(Postings.posting("slow", "Telehealth Project Manager", "Lead telehealth.")));
    slow.set(false);
    postings.pipeInput("fast", json(Postings.posting("fast", "Telehealth Project Manager", "Lead telehealth.")));

    var dead = dlq.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(new String(r.headers().lastHeader(io.telejobs.contracts.DeadLetters.STAGE).value(),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("budget");
      assertThat(new String(r.headers().lastHeader(io.telejobs.contracts.DeadLetters.ERROR_MESSAGE).value(),
          java.nio.charset.StandardCharsets.UTF_8)).contains("budget of 2000 ms");
    });
    assertThat(matched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("fast");
  }

  private static byte[] json(io.telejobs.contracts.JobPosting p) {
    return Topics.POSTINGS.valueSerde().serializer().serialize(Topics.POSTINGS.name(), p);
  }
}
