package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.SubscriptionIndex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each matched job, finds the subscriptions it fits and emits one alert per subscriber that has not
 * had this job before. The "alerted" store (subscription x job) and the output are committed in one
 * Kafka transaction ({@code exactly_once_v2}), so each pair yields exactly one alert record, across
 * restarts and rebalances.
 */
final class AlertDecider implements Processor<byte[], byte[], String, AlertOutcome> {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDecider.class);

  private final SubscriptionIndex index;
  private final Clock clock;
  private ProcessorContext<String, AlertOutcome> context;
  private KeyValueStore<String, Long> alerted;

  AlertDecider(SubscriptionIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, AlertOutcome> context) {
    this.context = context;
    this.alerted = context.getStateStore(AlertTopology.ALERTED_STORE);
    KeyValueStore<String, byte[]> subscriptions = context.getStateStore(AlertTopology.SUBSCRIPTIONS_STORE);
    java.util.List<io.telejobs.contracts.Subscription> stored = new java.util.ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = subscriptions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        try {
          stored.add(Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(Topics.SUBSCRIPTIONS.name(), kv.value));
        } catch (RuntimeException e) {
          LOG.warn("skipping unreadable stored subscription {}: {}", kv.key, e.getMessage());
        }
      }
    }
    index.upsertAll(stored);
    LOG.info("subscription index ready: {} stored, {} active", stored.size(), index.size());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      return; // a closed job: nothing new to alert
    }
    MatchedJob job;
    try {
      job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), record.value());
    } catch (RuntimeException e) {
      RecordMetadata m = context.recordMetadata().orElse(null);
      LOG.warn("dead-lettering unreadable matched job: {}", e.getMessage());
      context.forward(new Record<String, AlertOutcome>(
          record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
          new AlertOutcome.Failed(record.key(), record.value()), record.timestamp(),
          DeadLetters.headers(record.headers(), "notifier", "deserialize", e, m == null ? null : m.topic(),
              m == null ? -1 : m.partition(), m == null ? -1 : m.offset())));
      return;
    }
    List<Subscription> fits = index.matching(job);
    long now = clock.millis();
    for (Subscription s : fits) {
      String pair = s.id() + "|" + job.jobId();
      if (alerted.get(pair) != null) {
        continue;
      }
      alerted.put(pair, now);
      Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(s.id(), job.jobId()), s, job, List.of(), clock.instant());
      context.forward(new Record<>(s.id(), new AlertOutcome.Emit(alert), record.timestamp()));
    }
  }
}
