package io.telejobs.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSerdeTest {
  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(Topics.POSTINGS, Samples.posting()),
        Arguments.of(Topics.MATCHED, Samples.matched()),
        Arguments.of(Topics.STATS, Samples.stat()),
        Arguments.of(Topics.SUBSCRIPTIONS, Samples.subscription()),
        Arguments.of(Topics.ALERTS, Samples.alert()),
        Arguments.of(Topics.DIGESTS, Samples.alert()),
        Arguments.of(Topics.DELIVERIES, Samples.delivery()),
        Arguments.of(Topics.INGEST_ERRORS, Samples.ingestError()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  <V> void roundTripsEveryEvent(Topic<String, V> topic, V sample) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample);
    V back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    assertThat(back).isEqualTo(sample);
  }

  @Test
  void writesEnumsInLowerCaseAndDatesAsIsoStrings() {
    String json = new String(Topics.MATCHED.valueSerde().serializer()
        .serialize("t", Samples.matched()), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"tier\":\"core\"")
        .contains("\"workMode\":\"remote\"")
        .contains("\"datePosted\":\"2026-11-18\"")
        .contains("\"taggedAt\":\"2026-11-20T10:15:30Z\"");
  }

  @Test
  void nullIsATombstoneBothWays() {
    JsonSerde<JobPosting> serde = new JsonSerde<>(JobPosting.class);
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{not json",
      "[]",
      "{\"schemaVersion\":1,\"id\":\"\",\"source\":\"s\",\"title\":\"t\"}",
      "{\"schemaVersion\":1,\"id\":\"x\",\"source\":\"s\",\"title\":\"PM\",\"sourceUrl\":\"u\"}",
      "{\"schemaVersion\":1,\"workMode\":\"sideways\"}"
  })
  void badBytesBecomeASerializationExceptionNamingTheTypeAndTopic(String raw) {
    JsonSerde<JobPosting> serde = new JsonSerde<>(JobPosting.class);
    assertThatThrownBy(() -> serde.deserialize("jobs.postings.v1", raw.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("JobPosting")
        .hasMessageContaining("jobs.postings.v1");
  }

  @Test
  void alertIdIsStableAndDependsOnBothParts() {
    assertThat(Alert.idFor("s1", "j1")).isEqualTo(Alert.idFor("s1", "j1")).hasSize(32);
    assertThat(Alert.idFor("s1", "j1")).isNotEqualTo(Alert.idFor("s1", "j2"));
    assertThat(Alert.idFor("s1", "j1")).isNotEqualTo(Alert.idFor("s2", "j1"));
    assertThat(Alert.idFor("a", "bc")).isNotEqualTo(Alert.idFor("ab", "c"));
  }
}
