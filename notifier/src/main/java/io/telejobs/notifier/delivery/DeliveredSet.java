package io.telejobs.notifier.delivery;

import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.TopicFollower;
import io.telejobs.contracts.Topics;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which alert x channel pairs have been delivered, by any notifier instance: the {@code delivered}
 * records of {@code deliveries.v1}, read from the beginning and caught up before every batch, so that an
 * instance that takes over partitions after a rebalance or a crash knows what the previous owner sent.
 */
final class DeliveredSet implements AutoCloseable {
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final TopicFollower follower;

  DeliveredSet(Properties kafka) {
    this.follower = new TopicFollower(kafka, Topics.DELIVERIES.name());
  }

  static String key(String alertId, DeliveryRecord.Channel channel) {
    return alertId + "|" + channel;
  }

  /** Reads every delivery record written so far; returns how many were read. */
  long catchUp() {
    return follower.catchUp(r -> {
      if (r.key() == null || r.value() == null) {
        return;
      }
      try {
        DeliveryRecord d = Topics.DELIVERIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (d.outcome() == DeliveryRecord.Outcome.DELIVERED) {
          delivered.add(key(d.alertId(), d.channel()));
        }
      } catch (RuntimeException e) {
        // an unreadable record cannot prove a delivery; the alert may be sent again with the same id
      }
    });
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
    follower.close();
  }
}
