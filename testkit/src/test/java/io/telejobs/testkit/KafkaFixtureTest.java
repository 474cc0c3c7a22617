package io.telejobs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KafkaFixtureTest {
  @ParameterizedTest
  @CsvSource({"embedded, EMBEDDED", "EMBEDDED, EMBEDDED", "testcontainers, TESTCONTAINERS",
      "docker, TESTCONTAINERS"})
  void forcedEngineIsHonoured(String requested, KafkaFixture.Engine expected) {
    assertThat(KafkaFixture.chooseEngine(requested)).isEqualTo(expected);
  }

  @Test
  void containerImageFollowsTheKafkaClientVersion() {
    assertThat(KafkaFixture.kafkaVersion()).matches("4\\.\\d+\\.\\d+");
  }

  @Test
  void unknownEngineIsAClearError() {
    assertThatThrownBy(() -> KafkaFixture.chooseEngine("zookeeper"))
        .hasMessageContaining("telejobs.kafka.engine")
        .hasMessageContaining("zookeeper");
  }
}
