package io.telejobs.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows whole topics without a consumer group: every partition from the beginning, committed records
 * only. {@link #catchUp} reads everything written up to now, so the caller's view (a delivered-set, the
 * closed jobs, the digest queue) reflects every record that existed when it was called.
 */
public final class TopicFollower implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private static final Duration CATCH_UP_POLL = Duration.ofMillis(5);

  public TopicFollower(Properties clientProps, String... topics) {
    Properties c = new Properties();
    c.putAll(clientProps);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    for (String topic : topics) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(pi -> partitions.add(new TopicPartition(topic, pi.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Hands every record written so far, and not yet handed, to {@code handler}; returns how many. */
  public long catchUp(Consumer<ConsumerRecord<String, byte[]>> handler) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long read = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + partitions + " to their end in 5 minutes");
      }
      // a short poll: when all that is left is a transaction marker, poll returns no record and would
      // otherwise sit out its whole timeout although the position has already moved past the marker
      for (ConsumerRecord<String, byte[]> r : consumer.poll(CATCH_UP_POLL)) {
        read++;
        handler.accept(r);
      }
    }
    return read;
  }

  /** Hands over whatever arrives within {@code wait}, without waiting for the end. */
  public void poll(Duration wait, Consumer<ConsumerRecord<String, byte[]>> handler) {
    consumer.poll(wait).forEach(handler);
  }

  /** Ends a blocking {@link #poll} from another thread (it then throws {@code WakeupException}). */
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
