package io.telejobs.local;

import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the pipeline's topics as an analyst would (read_committed) and tells when the work started by
 * a crawl has gone all the way through: every alert decided has a final delivery outcome, and nothing
 * new has arrived for a quiet period.
 */
final class PipelineProbe implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Set<String> matchedIds = new HashSet<>();
  private final Set<String> closedIds = new HashSet<>();
  private final Set<String> alertIds = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private int delivered;
  private int ingestErrors;
  private int deadLetters;
  private long lastChange = System.nanoTime();

  PipelineProbe(Properties kafka) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "local-run-probe-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(Topics.MATCHED.name(), Topics.ALERTS.name(), Topics.DELIVERIES.name(),
        Topics.INGEST_ERRORS.name(), Topics.MATCHER_DLQ.name(), Topics.NOTIFIER_DLQ.name()));
  }

  void poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      lastChange = System.nanoTime();
      String topic = r.topic();
      if (topic.equals(Topics.MATCHED.name())) {
        if (r.value() == null) {
          closedIds.add(r.key());
          matchedIds.remove(r.key());
        } else {
          matchedIds.add(r.key());
        }
      } else if (topic.equals(Topics.ALERTS.name())) {
        alertIds.add(Topics.ALERTS.valueSerde().deserializer().deserialize(topic, r.value()).alertId());
      } else if (topic.equals(Topics.DELIVERIES.name())) {
        DeliveryRecord d = Topics.DELIVERIES.valueSerde().deserializer().deserialize(topic, r.value());
        if (d.outcome() != DeliveryRecord.Outcome.FAILED) {
          finished.add(d.alertId());
        }
        if (d.outcome() == DeliveryRecord.Outcome.DELIVERED) {
          delivered++;
        }
      } else if (topic.equals(Topics.INGEST_ERRORS.name())) {
        ingestErrors++;
      } else {
        deadLetters++;
      }
    }
  }

  /** Polls until every alert has a final outcome and nothing moved for {@code quiet}; false on timeout. */
  boolean awaitSettled(Duration quiet, Duration timeout, Runnable onProgress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = 0;
    while (System.nanoTime() < deadline) {
      poll();
      if (System.nanoTime() > nextReport) {
        onProgress.run();
        nextReport = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      }
      boolean quietNow = System.nanoTime() - lastChange > quiet.toNanos();
      if (quietNow && finished.containsAll(alertIds)) {
        return true;
      }
    }
    return false;
  }

  int matched() {
    return matchedIds.size();
  }

  int alerts() {
    return alertIds.size();
  }

  int delivered() {
    return delivered;
  }

  int ingestErrors() {
    return ingestErrors;
  }

  int deadLetters() {
    return deadLetters;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
