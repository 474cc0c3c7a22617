package io.telejobs.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Reads a topic from the beginning with {@code read_committed}, as an analyst would, and keeps every
 * record it has seen. Tests wait on it with a condition and a deadline, never a sleep.
 */
public final class TopicReader<K, V> implements AutoCloseable {
  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

  public TopicReader(Properties clientProps, String topic, Serde<K> keySerde, Serde<V> valueSerde) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, keySerde.deserializer(), valueSerde.deserializer());
    consumer.subscribe(Set.of(topic));
  }

  /** Polls once and returns everything seen so far. */
  public synchronized List<ConsumerRecord<K, V>> poll() {
    for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(200))) {
      seen.add(r);
    }
    return List.copyOf(seen);
  }

  /** Polls until {@code done} holds for the records seen, or fails after {@code timeout}. */
  public List<ConsumerRecord<K, V>> pollUntil(
      Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<K, V>> now = poll();
    while (!done.test(now)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout + "; saw " + now.size()
            + " records, the last ones: " + now.subList(Math.max(0, now.size() - 10), now.size()).stream()
                .map(r -> r.key() + "@" + r.partition() + ":" + r.offset()).toList());
      }
      now = poll();
    }
    return now;
  }

  /**
   * Polls for {@code quiet} more and returns everything; for asserting that nothing else arrives after
   * an awaited condition has held.
   */
  public List<ConsumerRecord<K, V>> drainFor(Duration quiet) {
    long end = System.nanoTime() + quiet.toNanos();
    List<ConsumerRecord<K, V>> now = poll();
    while (System.nanoTime() < end) {
      now = poll();
    }
    return now;
  }

  public List<V> values() {
    return poll().stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
