package io.telejobs.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A step deep inside a topology (after a repartition, in an aggregation) throws on one record: it is
 * dead-lettered with its cause and the records after it are processed.
 */
class DeadLetterHandlersTest {
  private static Properties config() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "dlq-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    return DeadLetterHandlers.configure(p, "test-app", "test.dlq");
  }

  @Test
  void aFailureInAnyStepIsDeadLetteredAndProcessingGoesOn() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .groupBy((k, v) -> v.substring(0, 1), Grouped.with("by-first", Serdes.String(), Serdes.String()))
        .aggregate(() -> 0L, (k, v, sum) -> Math.addExact(sum, Long.parseLong(v.substring(1))),
            Named.as("sum"), org.apache.kafka.streams.kstream.Materialized.with(Serdes.String(), Serdes.Long()))
        .toStream(Named.as("sums"))
        .to("out", Produced.with(Serdes.String(), Serdes.Long()));
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), config())) {
      TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, Long> out = driver.createOutputTopic("out", new StringDeserializer(),
          Serdes.Long().deserializer());
      TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("test.dlq", Serdes.ByteArray().deserializer(),
          Serdes.ByteArray().deserializer());

      in.pipeInput("1", "a5");
      in.pipeInput("2", "a" + "9".repeat(25)); // not a long: the aggregation throws
      in.pipeInput("3", "a" + Long.MAX_VALUE); // overflows the sum: throws
      in.pipeInput("4", "a7");

      assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 5L), KeyValue.pair("a", 12L));
      var dead = dlq.readRecordsToList();
      assertThat(dead).hasSize(2);
      TestRecord<byte[], byte[]> first = dead.get(0);
      assertThat(header(first, DeadLetters.APP)).isEqualTo("test-app");
      assertThat(header(first, DeadLetters.STAGE)).startsWith("process:");
      assertThat(header(first, DeadLetters.ERROR_MESSAGE)).contains("9999999999");
      assertThat(header(dead.get(1), DeadLetters.ERROR_MESSAGE)).contains("overflow");
    }
  }

  private static String header(TestRecord<byte[], byte[]> r, String key) {
    return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
