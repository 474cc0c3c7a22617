package io.telejobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.analytics.market.JobFact;
import io.telejobs.analytics.topology.AnalyticsTopology;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class AnalyticsTopologyTest {
  private static TopologyTestDriver driver(String appId) {
    Properties props = new Properties();
    props.put("application.id", appId);
    props.put("bootstrap.servers", "127.0.0.1:9");
    return new TopologyTestDriver(AnalyticsTopology.build(), props);
  }

  @Test
  void keepsTheFirstSeenDayAcrossUpdatesAndClosesOnTheTombstonesDay() {
    try (TopologyTestDriver driver = driver("analytics-test")) {
      TestInputTopic<String, MatchedJob> matched = driver.createInputTopic(Topics.MATCHED.name(),
          Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer());
      TestInputTopic<String, MatchedJob> sample = driver.createInputTopic(Topics.MATCHED_SAMPLE.name(),
          Serdes.String().serializer(), Topics.MATCHED_SAMPLE.valueSerde().serializer());
      matched.pipeInput("j1", Jobs.job("j1", "Telehealth Program Manager", "Riverside", Tier.CORE, Level.MID, "US",
          WorkMode.REMOTE, "USD", 90_000, 110_000, "2026-11-02T10:00:00Z"), Instant.parse("2026-11-02T10:00:05Z"));
      matched.pipeInput("j1", Jobs.job("j1", "Senior Telehealth Program Manager", "Riverside", Tier.CORE, Level.SENIOR,
          "US", WorkMode.REMOTE, "USD", 120_000, 140_000, "2026-11-09T10:00:00Z"), Instant.parse("2026-11-09T10:00:05Z"));
      matched.pipeInput("j1", null, Instant.parse("2026-11-12T08:00:00Z"));
      matched.pipeInput("j1", null, Instant.parse("2026-11-13T08:00:00Z")); // the first close counts
      matched.pipeInput("ghost", null, Instant.parse("2026-11-13T08:00:00Z")); // never seen: nothing to close
      sample.pipeInput("s1", Jobs.job("s1", "Telehealth Coordinator", "Sample Health", Tier.PATHWAY, Level.ENTRY, "IN",
          WorkMode.HYBRID, "INR", 400_000, 600_000, "2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T10:00:05Z"));

      KeyValueStore<String, byte[]> store = driver.getKeyValueStore(AnalyticsTopology.JOBS_STORE);
      JobFact j1 = AnalyticsTopology.read(store.get("j1"));
      assertThat(j1.firstSeen()).isEqualTo(LocalDate.parse("2026-11-02"));
      assertThat(j1.level()).as("facets from the latest version").isEqualTo("senior");
      assertThat(j1.annualMin()).isEqualTo(120_000.0);
      assertThat(j1.closedOn()).isEqualTo(LocalDate.parse("2026-11-12"));
      assertThat(j1.sample()).isFalse();
      assertThat(store.get("ghost")).isNull();
      JobFact s1 = AnalyticsTopology.read(store.get("s1"));
      assertThat(s1.sample()).isTrue();
      assertThat(s1.currency()).isEqualTo("INR");
      assertThat(s1.skills()).containsExactly("ehr", "agile");
    }
  }

  @Test
  void publishesStatisticsRowsForRealJobsOnlyAndEmptiesThemWhenJobsClose() {
    try (TopologyTestDriver driver = driver("analytics-stats-test")) {
      TestInputTopic<String, MatchedJob> matched = driver.createInputTopic(Topics.MATCHED.name(),
          Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer());
      TestInputTopic<String, MatchedJob> sample = driver.createInputTopic(Topics.MATCHED_SAMPLE.name(),
          Serdes.String().serializer(), Topics.MATCHED_SAMPLE.valueSerde().serializer());
      var stats = driver.createOutputTopic(Topics.STATS.name(), Serdes.String().deserializer(),
          Topics.STATS.valueSerde().deserializer());
      Instant at = Instant.parse("2026-11-25T10:00:00Z");
      matched.pipeInput("a", Jobs.job("a", "Telehealth Project Manager", "Riverside", Tier.CORE, Level.MID, "US",
          WorkMode.REMOTE, "USD", 95_000, 110_000, "2026-11-25T09:00:00Z"), at);
      matched.pipeInput("b", Jobs.job("b", "Telehealth Program Manager", "Riverside", Tier.CORE, Level.MID, "US",
          WorkMode.REMOTE, "USD", 100_000, 120_000, "2026-11-25T09:00:00Z"), at);
      sample.pipeInput("s", Jobs.job("s", "Telehealth Program Manager", "Sample", Tier.CORE, Level.MID, "US",
          WorkMode.REMOTE, "USD", 200_000, 220_000, "2026-11-25T09:00:00Z"), at);

      var latest = stats.readKeyValuesToMap();
      String countKey = "count|2026-11-25|core|mid|mid|US|remote";
      assertThat(latest.get(countKey).count()).as("two real jobs; the sample one is not counted").isEqualTo(2);
      var salary = latest.get("salary|2026-11-25|mid|USD");
      assertThat(salary.count()).isEqualTo(2);
      assertThat(salary.p50()).isEqualTo(102500L);
      KeyValueStore<String, Long> counts = driver.getKeyValueStore(AnalyticsTopology.STATS_COUNTS_STORE);
      assertThat(counts.get(countKey)).isEqualTo(2L);

      matched.pipeInput("a", null, at.plusSeconds(60));
      matched.pipeInput("b", null, at.plusSeconds(60));
      var afterClose = stats.readKeyValuesToMap();
      assertThat(afterClose).containsEntry(countKey, null);
      assertThat(afterClose).containsEntry("salary|2026-11-25|mid|USD", null);
    }
  }
}
