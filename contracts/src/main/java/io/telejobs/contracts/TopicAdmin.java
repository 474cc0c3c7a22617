package io.telejobs.contracts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing. Each service ensures the topics it writes and
 * reads at start-up, so that a fresh cluster works without a separate set-up step.
 */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * Creates every topic in {@code topics} that does not exist yet.
   *
   * @param clientProps Kafka client properties (at least {@code bootstrap.servers})
   * @param partitions partitions for new topics
   * @param replication replication factor for new topics
   */
  public static void ensure(
      Properties clientProps, Collection<Topic<?, ?>> topics, int partitions, short replication) {
    try (Admin admin = Admin.create(clientProps)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), partitions, replication).configs(configFor(t)))
          .toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + clientProps.get("bootstrap.servers")
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until every partition of new topics has a leader. A producer that writes the moment a topic is
   * created can meet "not the leader" answers, and the idempotent producer's retries after them have been
   * seen to end in out-of-order-sequence errors and, after the delivery timeout, lost records.
   */
  private static void awaitLeaders(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      boolean ready = true;
      try {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> all = new java.util.HashMap<>();
        for (var d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
          ready &= d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
          d.partitions().forEach(p -> all.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
              org.apache.kafka.clients.admin.OffsetSpec.latest()));
        }
        if (ready) {
          // the leader answers for its log only once it has taken the partition on: then producers may write
          admin.listOffsets(all).all().get(30, TimeUnit.SECONDS);
        }
      } catch (ExecutionException e) {
        ready = false; // not known to every part of the cluster yet
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions of " + topics + " have no leader after 30 s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * The largest record value a producer can write to {@code topic}: the topic's {@code max.message.bytes}
   * (its own setting or the broker's default), less room for the record's key, headers and batch overhead.
   */
  public static int maxValueBytes(Properties clientProps, String topic) {
    try (Admin admin = Admin.create(clientProps)) {
      org.apache.kafka.common.config.ConfigResource r =
          new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
      var entry = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r)
          .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      int max = entry == null || entry.value() == null ? 1_048_588 : Integer.parseInt(entry.value());
      return Math.max(1_024, max - 1_024);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the config of " + topic, e);
    } catch (ExecutionException | TimeoutException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the config of " + topic + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> configFor(Topic<?, ?> topic) {
    return topic.compacted()
        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        : Map.of();
  }
}
