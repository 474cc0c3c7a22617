package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.SubscriptionIndex;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscriptions store and the in-memory index in step with the compacted
 * subscriptions topic. An unreadable subscription is logged and skipped; it never stops the app.
 */
final class SubscriptionStoreUpdater implements Processor<byte[], byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStoreUpdater.class);

  private final SubscriptionIndex index;
  private final CurrentMatchRequests current;
  private final String storeName;
  private KeyValueStore<String, byte[]> store;

  SubscriptionStoreUpdater(SubscriptionIndex index, CurrentMatchRequests current, String storeName) {
    this.index = index;
    this.current = current;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(storeName);
  }

  private Subscription previous(String id) {
    byte[] old = store.get(id);
    if (old == null) {
      return null;
    }
    try {
      return Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(Topics.SUBSCRIPTIONS.name(), old);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    String id = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      store.delete(id);
      index.remove(id);
      return;
    }
    try {
      Subscription s = Topics.SUBSCRIPTIONS.valueSerde().deserializer()
          .deserialize(Topics.SUBSCRIPTIONS.name(), record.value());
      Subscription before = previous(id);
      store.put(id, record.value());
      index.upsert(s);
      current.changed(before, s);
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable subscription {}: {}", id, e.getMessage());
    }
  }
}
