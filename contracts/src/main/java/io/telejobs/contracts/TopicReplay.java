package io.telejobs.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic from the beginning to its current end, committed records only, without a consumer
 * group. Services rebuild their state this way on start (a ledger from a compacted topic, a
 * delivered-set from a log); each record comes with its partition and time. Records that cannot be read
 * are passed to the handler as a null value with {@code readable=false}, never thrown.
 */
public final class TopicReplay {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReplay.class);

  private TopicReplay() {}

  /** What one replayed record held. */
  @FunctionalInterface
  public interface Handler<K, V> {
    /**
     * @param value the value, or null for a tombstone or an unreadable record
     * @param partition the partition it was read from
     * @param timestamp its timestamp
     */
    void accept(K key, V value, boolean readable, int partition, long timestamp);
  }

  /**
   * Replays {@code topic}; returns the number of records read.
   *
   * @param timeout give up after this long, logging how far it got
   */
  public static <K, V> long replay(Properties clientProps, Topic<K, V> topic, Handler<K, V> handler, Duration timeout) {
    Properties c = new Properties();
    c.putAll(clientProps);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          LOG.warn("replay of {} stopped after {} at {} records", topic.name(), timeout, count);
          break;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          count++;
          K key;
          try {
            key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
          } catch (RuntimeException e) {
            continue;
          }
          if (r.value() == null) {
            handler.accept(key, null, true, r.partition(), r.timestamp());
            continue;
          }
          V value;
          try {
            value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
          } catch (RuntimeException e) {
            handler.accept(key, null, false, r.partition(), r.timestamp());
            continue;
          }
          handler.accept(key, value, true, r.partition(), r.timestamp());
        }
      }
    }
    return count;
  }
}
