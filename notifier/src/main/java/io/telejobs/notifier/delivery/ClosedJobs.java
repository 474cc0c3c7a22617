package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Which matched jobs are closed right now: the tombstones of {@code jobs.matched.v1}, caught up before
 * every batch, so that an alert for a job that closed before it could be delivered is not sent.
 */
final class ClosedJobs implements AutoCloseable {
  private final Set<String> closed = ConcurrentHashMap.newKeySet();
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;

  ClosedJobs(Properties kafka) {
    Properties c = new Properties();
    c.putAll(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.partitions = consumer.partitionsFor(Topics.MATCHED.name(), Duration.ofSeconds(30)).stream()
        .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads every matched-job record written so far. */
  void catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + Topics.MATCHED.name() + " to its end in 5 minutes");
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.key() == null) {
          continue;
        }
        if (r.value() == null) {
          closed.add(r.key());
        } else {
          closed.remove(r.key());
        }
      }
    }
  }

  boolean isClosed(String jobId) {
    return closed.contains(jobId);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
