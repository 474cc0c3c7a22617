package io.telejobs.notifier.delivery;

import io.telejobs.contracts.DeliveryRecord;
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
 * Which alert x channel pairs have been delivered, by any notifier instance: the {@code delivered}
 * records of {@code deliveries.v1}, read from the beginning and caught up before every batch, so that an
 * instance that takes over partitions after a rebalance or a crash knows what the previous owner sent.
 */
final class DeliveredSet implements AutoCloseable {
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;

  DeliveredSet(Properties kafka) {
    Properties c = new Properties();
    c.putAll(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.partitions = consumer.partitionsFor(Topics.DELIVERIES.name(), Duration.ofSeconds(30)).stream()
        .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  static String key(String alertId, DeliveryRecord.Channel channel) {
    return alertId + "|" + channel;
  }

  /** Reads every delivery record written so far; returns how many were read. */
  long catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long read = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + Topics.DELIVERIES.name() + " to its end in 5 minutes");
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        read++;
        if (r.key() == null || r.value() == null) {
          continue;
        }
        try {
          DeliveryRecord d = Topics.DELIVERIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
          if (d.outcome() == DeliveryRecord.Outcome.DELIVERED) {
            delivered.add(key(d.alertId(), d.channel()));
          }
        } catch (RuntimeException e) {
          // an unreadable record cannot prove a delivery; the alert may be sent again with the same id
        }
      }
    }
    return read;
  }

  boolean contains(String alertId, DeliveryRecord.Channel channel) {
    return delivered.contains(key(alertId, channel));
  }

  void add(String alertId, DeliveryRecord.Channel channel) {
    delivered.add(key(alertId, channel));
  }

  int size() {
    return delivered.size();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
