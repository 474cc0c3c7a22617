package io.telejobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throughput benchmark's stop rule, on a real broker: when a timed run ends, the application has processed
 * everything, its repartition topics included. Running the same application again must then add nothing to its
 * output; under the old rule (the sum of every input partition's committed offsets) a run ended with a repartition
 * backlog still queued, and the second run produced it. The application is the shaped ceiling, which has a
 * repartition topic (the matcher has none since postings are partitioned by company).
 */
class MatcherThroughputIT {
  @TempDir
  Path state;

  @Test
  void aRunEndsOnlyWhenEveryInputPartitionHasCaughtUp() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      java.util.List<io.telejobs.contracts.Topic<?, ?>> topics = new java.util.ArrayList<>(Topics.all());
      topics.add(MatcherThroughput.PASSTHROUGH_OUT);
      TopicAdmin.ensure(client, topics, 3, (short) 1);
      MatcherThroughput.preload(client, 3_000);
      MatcherThroughput.Run first = MatcherThroughput.run(broker, state, "bench-stop-rule",
          MatcherThroughput.shapedPassThrough(), "1");
      long matchedAfterFirst = countCommitted(client);

      // the same application again, waited on by the test kit's own lag check (not the benchmark's rule)
      Properties props = io.telejobs.matcher.MatcherConfig.fromEnv(java.util.Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "KAFKA_APPLICATION_ID", "bench-stop-rule",
          "KAFKA_STATE_DIR", state.resolve("bench-stop-rule").toString())).streams();
      try (org.apache.kafka.streams.KafkaStreams again = new org.apache.kafka.streams.KafkaStreams(
          MatcherThroughput.shapedPassThrough(), props);
          org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(client)) {
        again.start();
        java.util.List<String> inputs = new java.util.ArrayList<>(java.util.List.of(Topics.POSTINGS.name()));
        admin.listTopics().names().get().stream()
            .filter(t -> t.startsWith("bench-stop-rule-") && t.endsWith("-repartition")).forEach(inputs::add);
        for (int pass = 0; pass < 2; pass++) {
          for (String topic : inputs) {
            io.telejobs.testkit.ConsumerLag.awaitCaughtUp(client, "bench-stop-rule", topic, Duration.ofSeconds(120));
          }
        }
      }
      long matchedAfterSecond = countCommitted(client);

      assertThat(first.rps()).isPositive();
      assertThat(first.cpuUsPerRecord()).isGreaterThanOrEqualTo(first.streamThreadCpuUsPerRecord());
      assertThat(matchedAfterFirst).as("records written by the timed run").isPositive();
      assertThat(matchedAfterSecond).as("nothing was left queued when the timed run ended")
          .isEqualTo(matchedAfterFirst);
    }
  }

  /** Records on the shaped ceiling's output a read_committed consumer sees, read to the end. */
  private static long countCommitted(Properties client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var parts = c.partitionsFor(MatcherThroughput.PASSTHROUGH_OUT.name()).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      var end = c.endOffsets(parts);
      long n = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("read the output to its end in 60 s").isLessThan(deadline);
        n += c.poll(Duration.ofMillis(200)).count();
      }
      return n;
    }
  }
}
