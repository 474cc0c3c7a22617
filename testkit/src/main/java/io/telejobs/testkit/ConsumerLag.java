package io.telejobs.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group (or a Streams application id) has committed everything on a topic: the
 * condition that proves a record was processed even when processing it produced nothing.
 */
public final class ConsumerLag {
  private ConsumerLag() {}

  /** Polls the group's committed offsets until they reach the topic's end, or fails after {@code timeout}. */
  public static void awaitCaughtUp(Properties clientProps, String groupId, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lag = Long.MAX_VALUE;
    try (Admin admin = Admin.create(clientProps)) {
      while (System.nanoTime() < deadline) {
        lag = lag(admin, groupId, topic);
        if (lag == 0) {
          return;
        }
        TimeUnit.MILLISECONDS.sleep(100); // polling interval of the condition, not a stand-in for it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (Exception e) {
      throw new AssertionError("cannot read offsets of " + groupId + ": " + e, e);
    }
    throw new AssertionError(groupId + " still " + lag + " records behind on " + topic + " after " + timeout);
  }

  private static long lag(Admin admin, String groupId, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(partitions, new org.apache.kafka.clients.admin.ListOffsetsOptions(
            org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
    long lag = 0;
    for (var e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      long end = e.getValue().offset();
      lag += Math.max(0, end - (c == null ? 0 : c.offset()));
    }
    return lag;
  }
}
