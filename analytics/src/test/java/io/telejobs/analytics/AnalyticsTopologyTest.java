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
  @Test
  void keepsTheFirstSeenDayAcrossUpdatesAndClosesOnTheTombstonesDay() {
    Properties props = new Properties();
    props.put("application.id", "analytics-test");
    props.put("bootstrap.servers", "127.0.0.1:9");
    try (TopologyTestDriver driver = new TopologyTestDriver(AnalyticsTopology.build(), props)) {
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
}
