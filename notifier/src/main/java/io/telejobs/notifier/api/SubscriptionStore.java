package io.telejobs.notifier.api;

import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.SameSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions as the compacted {@code subscriptions.v1} topic holds them: rebuilt from the topic on
 * start and kept current by tailing it. Writes go to the topic first (acknowledged by all in-sync
 * replicas) and then into this view, so a client reads its own writes.
 */
public final class SubscriptionStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);

  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  /** {@link SameSubscription#key} to subscription id. */
  private final Map<String, String> bySame = new ConcurrentHashMap<>();
  private final java.util.Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final KafkaProducer<String, Subscription> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread tail;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running = true;

  public SubscriptionStore(Properties kafka) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.producer = new KafkaProducer<>(p, Topics.SUBSCRIPTIONS.keySerde().serializer(),
        Topics.SUBSCRIPTIONS.valueSerde().serializer());
    Properties c = new Properties();
    c.putAll(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.tail = new Thread(this::run, "subscription-store-tail");
    tail.setDaemon(true);
    tail.start();
  }

  private void run() {
    try {
      List<TopicPartition> parts = consumer.partitionsFor(Topics.SUBSCRIPTIONS.name(), Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          apply(r);
        }
        if (caughtUp.getCount() > 0 && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
          LOG.info("subscription store ready: {} subscriptions", byId.size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("subscription store stopped tailing {}", Topics.SUBSCRIPTIONS.name(), e);
    } finally {
      caughtUp.countDown();
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      unindex(byId.remove(r.key()));
      deleted.add(r.key());
      return;
    }
    try {
      Subscription s = Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      Subscription before = byId.get(r.key());
      Subscription kept = byId.merge(r.key(), s, (old, now) -> now.updatedAt().isBefore(old.updatedAt()) ? old : now);
      if (kept != before) {
        unindex(before);
        index(kept);
      }
      deleted.remove(r.key());
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable subscription {}: {}", r.key(), e.getMessage());
    }
  }

  /** Waits until the topic has been read to its end as it was at start. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Optional<Subscription> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Whether the subscription was deleted (a tombstone was seen or written). */
  public boolean isDeleted(String id) {
    return deleted.contains(id) && !byId.containsKey(id);
  }

  public int size() {
    return byId.size();
  }

  /** Writes a subscription (or deletes it, when {@code value} is null) and waits for the broker. */
  public void put(String id, Subscription value) {
    try {
      producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not store subscription " + id + ": " + e.getMessage(), e);
    }
    if (value == null) {
      unindex(byId.remove(id));
      deleted.add(id);
    } else {
      unindex(byId.put(id, value));
      index(value);
      deleted.remove(id);
    }
  }

  /** The subscription with the same email address and criteria, if there is one. */
  public Optional<Subscription> same(String email, io.telejobs.contracts.Criteria criteria) {
    String key = SameSubscription.key(email, criteria);
    return key == null ? Optional.empty() : Optional.ofNullable(bySame.get(key)).map(byId::get);
  }

  /** Every subscription, for sweeps (expiring pending ones). */
  public java.util.Collection<Subscription> all() {
    return List.copyOf(byId.values());
  }

  private void index(Subscription s) {
    String key = s == null ? null : SameSubscription.key(s.email(), s.criteria());
    if (key != null) {
      bySame.put(key, s.id());
    }
  }

  private void unindex(Subscription s) {
    String key = s == null ? null : SameSubscription.key(s.email(), s.criteria());
    if (key != null) {
      bySame.remove(key, s.id());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      tail.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
