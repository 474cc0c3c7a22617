package io.telejobs.notifier.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.Fixtures;
import io.telejobs.notifier.subscriptions.ScanIndex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> subscriptions;
  private TestInputTopic<String, byte[]> matched;
  private TestOutputTopic<String, Alert> alerts;
  private TestOutputTopic<byte[], byte[]> dlq;

  private static final Clock CLOCK = Clock.fixed(Fixtures.AT, ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    start(AlertTopology.build(new ScanIndex(), CLOCK));
  }

  private void start(org.apache.kafka.streams.Topology topology) {
    if (driver != null) {
      driver.close();
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notifier-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, props);
    subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    matched = driver.createInputTopic(Topics.MATCHED.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.NOTIFIER_DLQ.name(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void subscribe(String id, Criteria c) {
    subscriptions.pipeInput(id, Topics.SUBSCRIPTIONS.valueSerde().serializer().serialize("t", Fixtures.subscription(id, id + "@example.com", c)));
  }

  private void publish(String jobId) {
    matched.pipeInput(jobId, Topics.MATCHED.valueSerde().serializer().serialize("t", Fixtures.telehealthJob(jobId)));
  }

  @Test
  void alertsEveryFittingSubscriberOnceKeyedBySubscription() {
    subscribe("core", new Criteria(Set.of(Tier.CORE), null, null, null, null, null, null, null, null));
    subscribe("adjacent-only", new Criteria(Set.of(Tier.ADJACENT), null, null, null, null, null, null, null, null));
    publish("j1");

    var out = alerts.readRecordsToList();
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("core");
      assertThat(r.value().alertId()).isEqualTo(Alert.idFor("core", "j1"));
      assertThat(r.value().job().jobId()).isEqualTo("j1");
    });
  }

  @Test
  void subscriptionsThatFitLiveJobsNowAreAnsweredOverSeveralRunsWhenARunIsOverItsBudget() {
    // a run with no time left answers one request and leaves the others to the next run (500 ms later), so a
    // burst of new subscriptions never keeps one transaction open past the broker's transaction timeout
    start(AlertTopology.build(new ScanIndex(), new CurrentMatchRequests(CLOCK), java.time.Duration.ZERO, CLOCK));
    publish("j1");
    publish("j2");
    subscribe("s1", Criteria.any());
    subscribe("s2", Criteria.any());
    subscribe("s3", Criteria.any());
    assertThat(alerts.readRecordsToList()).isEmpty();

    for (String expected : new String[] {"s1", "s2", "s3"}) {
      driver.advanceWallClockTime(java.time.Duration.ofMillis(500));
      var run = alerts.readRecordsToList();
      assertThat(run).hasSize(2).allSatisfy(r -> {
        assertThat(r.key()).isEqualTo(expected);
        assertThat(r.value().current()).isTrue();
      });
      assertThat(run).extracting(r -> r.value().job().jobId()).containsExactlyInAnyOrder("j1", "j2");
    }
    driver.advanceWallClockTime(java.time.Duration.ofMillis(500));
    assertThat(alerts.readRecordsToList()).isEmpty();
  }

  @Test
  void pairsAreKeptPerJobAndReadWithOneScan() {
    subscribe("s1", Criteria.any());
    subscribe("s2", Criteria.any());
    publish("j1");
    assertThat(alerts.readRecordsToList()).hasSize(2);
    org.apache.kafka.streams.state.KeyValueStore<String, Long> byJob =
        driver.getKeyValueStore(AlertTopology.ALERTED_BY_JOB_STORE);
    try (var it = byJob.prefixScan("2:j1|", Serdes.String().serializer())) {
      java.util.List<String> keys = new java.util.ArrayList<>();
      it.forEachRemaining(kv -> keys.add(kv.key));
      assertThat(keys).containsExactlyInAnyOrder("2:j1|s1", "2:j1|s2");
    }
    subscribe("s3", Criteria.any());
    publish("j1"); // republished: only the subscriber who has not had it
    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).containsExactly("s3");
  }

  @Test
  void pairsKeptByAnEarlierVersionStillCountAndMoveToThePerJobStore() {
    org.apache.kafka.streams.state.KeyValueStore<String, Long> old = driver.getKeyValueStore(AlertTopology.ALERTED_STORE);
    old.put("s1|j1", 1L); // one key per subscriber first, as stores written before this version hold them
    subscribe("s1", Criteria.any());
    subscribe("s2", Criteria.any());
    publish("j1");
    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).containsExactly("s2");

    driver.advanceWallClockTime(java.time.Duration.ofMillis(500));
    assertThat(old.get("s1|j1")).isNull();
    org.apache.kafka.streams.state.KeyValueStore<String, Long> byJob =
        driver.getKeyValueStore(AlertTopology.ALERTED_BY_JOB_STORE);
    assertThat(byJob.get("2:j1|s1")).isEqualTo(1L);
    publish("j1");
    assertThat(alerts.readRecordsToList()).isEmpty();
  }

  @Test
  void withTimeLeftOneRunAnswersEveryRequest() {
    publish("j1");
    subscribe("s1", Criteria.any());
    subscribe("s2", Criteria.any());
    driver.advanceWallClockTime(java.time.Duration.ofMillis(500));
    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).containsExactly("s1", "s2");
  }

  @Test
  void theSameJobAgainOrUpdatedNeverAlertsTwice() {
    subscribe("s", Criteria.any());
    publish("j1");
    publish("j1");
    publish("j1");

    assertThat(alerts.readRecordsToList()).hasSize(1);
  }

  @Test
  void deletedSubscriptionGetsNothing() {
    subscribe("s", Criteria.any());
    subscriptions.pipeInput("s", (byte[]) null);
    publish("j1");

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void unreadableJobGoesToTheDlqAndTheNextIsStillAlerted() {
    subscribe("s", Criteria.any());
    matched.pipeInput("bad", "not json".getBytes(StandardCharsets.UTF_8));
    publish("j2");

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    assertThat(new String(dead.headers().lastHeader("dlq.stage").value(), StandardCharsets.UTF_8)).isEqualTo("deserialize");
    assertThat(alerts.readRecordsToList()).extracting(r -> r.value().job().jobId()).containsExactly("j2");
  }

  @Test
  void unreadableSubscriptionIsSkippedWithoutStoppingTheApp() {
    subscriptions.pipeInput("broken", "{".getBytes(StandardCharsets.UTF_8));
    subscribe("s", Criteria.any());
    publish("j1");

    assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).containsExactly("s");
  }
}
