package io.telejobs.notifier.digest;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.TopicFollower;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.delivery.DeliveryException;
import io.telejobs.notifier.delivery.DeliveryWorker;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.EmailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends daily and weekly digests. The alerts waiting for a digest live on the compacted
 * {@code digests.v2} topic (the delivery worker puts them there); this scheduler reads them all, follows
 * which jobs closed (tombstones on {@code jobs.matched.v2}) and, at each subscriber's local hour, sends
 * one email with the due jobs, records each as delivered and removes it from {@code digests.v2}. A job
 * that closed before its digest went out is left out and recorded as cancelled.
 *
 * <p>Every notifier instance may run a scheduler; only one sends. The schedulers join one consumer group
 * on {@code digests.v2} (consuming nothing: their partitions stay paused), and the one that owns
 * partition 0 is the leader. Group membership is checked between two digests, so leadership moves
 * between sends, never during one; if the leader dies, another takes over after the session timeout.
 */
public final class DigestScheduler implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

  private final Properties kafka;
  private final EmailSender email;
  private final EmailRenderer renderer;
  private final Clock clock;
  private final DeliveryWorker.CurrentSubscriptions current;
  private final String leaderGroup;
  private volatile boolean leader;
  private volatile int electionPartitions;
  private volatile KafkaConsumer<byte[], byte[]> lock;
  private final Map<String, Alert> pending = new LinkedHashMap<>();
  private final Set<String> closedJobs = new HashSet<>();
  /** When the last "current" alert of each subscription reached this scheduler. */
  private final Map<String, Instant> currentArrivals = new HashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile TopicFollower follower;
  public final AtomicInteger digestsSent = new AtomicInteger();

  /** @param leaderGroup the consumer group in which the schedulers of a cluster elect the one that sends */
  public DigestScheduler(Properties kafka, EmailSender email, EmailRenderer renderer, Clock clock,
      DeliveryWorker.CurrentSubscriptions current, String leaderGroup) {
    this.leaderGroup = leaderGroup;
    this.kafka = kafka;
    this.email = email;
    this.renderer = renderer;
    this.clock = clock;
    this.current = current;
  }

  @Override
  public void run() {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (TopicFollower in = new TopicFollower(kafka, Topics.DIGESTS.name(), Topics.MATCHED.name());
        KafkaConsumer<byte[], byte[]> election = joinElection();
        KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      this.follower = in;
      this.lock = election;
      while (running) {
        in.poll(Duration.ofMillis(200), this::apply);
        if (stillLeader()) {
          in.catchUp(this::apply); // to the current end first, so a job closed before now is known to be closed
          sendDue(out);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("digest scheduler stopped", e);
    } finally {
      stopped.countDown();
    }
  }

  private KafkaConsumer<byte[], byte[]> joinElection() {
    Properties c = new Properties();
    c.putAll(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, leaderGroup);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, leaderGroup + "-" + java.util.UUID.randomUUID());
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(Topics.DIGESTS.name()), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        elect(consumer, partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        consumer.pause(partitions); // membership only: the records are read by the follower
        elect(consumer, List.of());
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        elect(consumer, partitions);
      }
    });
    return consumer;
  }

  /** Leader when partition 0 is among the partitions held, {@code leaving} (being revoked or lost) excluded. */
  private void elect(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> leaving) {
    Set<TopicPartition> held = new HashSet<>(consumer.assignment());
    held.removeAll(leaving);
    electionPartitions = held.size();
    boolean now = held.contains(new TopicPartition(Topics.DIGESTS.name(), 0));
    if (now != leader) {
      LOG.info(now ? "this instance now sends the digests" : "another instance sends the digests now");
    }
    leader = now;
  }

  /** Keeps the group membership alive and tells whether this scheduler is still the one that sends. */
  private boolean stillLeader() {
    KafkaConsumer<byte[], byte[]> l = lock;
    if (l != null) {
      l.poll(Duration.ZERO);
    }
    return leader;
  }

  /** How many partitions this scheduler holds in the election group (0 before it joined). */
  public int electionPartitions() {
    return electionPartitions;
  }

  /** Whether this scheduler is the one of its cluster that sends digests. */
  public boolean isLeader() {
    return leader;
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    if (r.topic().equals(Topics.MATCHED.name())) {
      if (r.value() == null) {
        closedJobs.add(r.key());
      } else {
        closedJobs.remove(r.key());
      }
      return;
    }
    if (r.value() == null) {
      pending.remove(r.key());
      return;
    }
    try {
      Alert a = Topics.DIGESTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      pending.put(r.key(), a);
      if (a.current()) {
        currentArrivals.put(a.subscription().id(), clock.instant());
      }
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable digest item {}: {}", r.key(), e.getMessage());
    }
  }

  private void sendDue(KafkaProducer<byte[], byte[]> out) {
    Instant now = clock.instant();
    Map<String, List<Alert>> bySubscriber = new HashMap<>();
    for (Alert a : pending.values()) {
      bySubscriber.computeIfAbsent(a.subscription().id(), k -> new ArrayList<>()).add(a);
    }
    for (List<Alert> items : bySubscriber.values()) {
      if (!stillLeader()) {
        return; // another instance took over between two digests
      }
      Subscription s = items.get(items.size() - 1).subscription();
      if (current.cancelled(s)) {
        items.forEach(a -> settle(out, a, DeliveryRecord.Outcome.CANCELLED, "subscription deleted, paused or unconfirmed"));
        continue;
      }
      sendCurrentMatches(out, s, items.stream().filter(Alert::current).toList(), now);
      ZoneId zone = ZoneId.of(s.timeZone());
      List<Alert> due = new ArrayList<>();
      for (Alert a : items) {
        if (a.current()) {
          continue;
        }
        if (!DigestSchedule.due(s.frequency(), zone, s.digestHour(), a.decidedAt(), now)) {
          continue;
        }
        if (closedJobs.contains(a.job().jobId())) {
          settle(out, a, DeliveryRecord.Outcome.CANCELLED, "job closed before the digest went out");
        } else {
          due.add(a);
        }
      }
      if (due.isEmpty()) {
        continue;
      }
      Instant slot = DigestSchedule.lastSlot(s.frequency(), zone, s.digestHour(), now);
      try {
        email.send(renderer.digest(s, due, slot));
      } catch (DeliveryException e) {
        LOG.warn("digest for {} failed, will try again: {}", s.id(), e.getMessage());
        due.forEach(a -> record(out, a, DeliveryRecord.Outcome.FAILED, e.getMessage()));
        continue;
      }
      digestsSent.incrementAndGet();
      LOG.info("digest with {} job(s) sent to subscription {}", due.size(), s.id());
      due.forEach(a -> settle(out, a, DeliveryRecord.Outcome.DELIVERED, "in the " + s.frequency().name().toLowerCase(
          java.util.Locale.ROOT) + " digest of " + slot));
    }
  }

  /** How long the jobs that fit a just-confirmed subscription are gathered (they come from every partition). */
  static final Duration GATHER = Duration.ofSeconds(3);
  /** Jobs shown in the "jobs that fit your alert now" email. */
  static final int CURRENT_SHOWN = 20;

  /**
   * One "jobs that fit your alert now" email per subscription: the live jobs that fit when it was confirmed
   * or changed, best first (score, then newest), at most {@link #CURRENT_SHOWN} with a count of the rest, sent
   * once none has arrived for {@link #GATHER}. Each is recorded as delivered, so none is alerted again.
   */
  private void sendCurrentMatches(KafkaProducer<byte[], byte[]> out, Subscription s, List<Alert> items, Instant now) {
    if (items.isEmpty()) {
      return;
    }
    // gathered until none has arrived for GATHER: they come from every partition, through the delivery worker
    Instant newest = items.stream().map(Alert::decidedAt).max(Instant::compareTo).orElseThrow();
    Instant arrived = currentArrivals.getOrDefault(s.id(), newest);
    if (now.isBefore((arrived.isAfter(newest) ? arrived : newest).plus(GATHER))) {
      return;
    }
    currentArrivals.remove(s.id());
    List<Alert> open = new ArrayList<>();
    for (Alert a : items) {
      if (closedJobs.contains(a.job().jobId())) {
        settle(out, a, DeliveryRecord.Outcome.CANCELLED, "job closed before the current-matches email went out");
      } else {
        open.add(a);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    open.sort(java.util.Comparator.comparingDouble((Alert a) -> -a.job().score())
        .thenComparing(a -> a.job().datePosted(), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
        .thenComparing(a -> a.job().jobId()));
    try {
      email.send(renderer.currentMatches(s, open.subList(0, Math.min(CURRENT_SHOWN, open.size())), open.size()));
    } catch (DeliveryException e) {
      LOG.warn("current-matches email for {} failed, will try again: {}", s.id(), e.getMessage());
      return;
    }
    LOG.info("current-matches email with {} of {} job(s) sent to subscription {}",
        Math.min(CURRENT_SHOWN, open.size()), open.size(), s.id());
    open.forEach(a -> settle(out, a, DeliveryRecord.Outcome.DELIVERED, "in the jobs-that-fit-now email"));
  }

  /** Records the outcome and removes the item from the digest queue. */
  private void settle(KafkaProducer<byte[], byte[]> out, Alert a, DeliveryRecord.Outcome outcome, String detail) {
    record(out, a, outcome, detail);
    send(out, new ProducerRecord<>(Topics.DIGESTS.name(), key(a), null));
    pending.remove(a.alertId());
  }

  private void record(KafkaProducer<byte[], byte[]> out, Alert a, DeliveryRecord.Outcome outcome, String detail) {
    DeliveryRecord d = new DeliveryRecord(DeliveryRecord.SCHEMA_VERSION, a.alertId(), a.subscription().id(),
        a.job().jobId(), DeliveryRecord.Channel.EMAIL, outcome, 1, detail, clock.instant());
    send(out, new ProducerRecord<>(Topics.DELIVERIES.name(), key(a),
        Topics.DELIVERIES.valueSerde().serializer().serialize(Topics.DELIVERIES.name(), d)));
  }

  private static byte[] key(Alert a) {
    return a.alertId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void send(KafkaProducer<byte[], byte[]> out, ProducerRecord<byte[], byte[]> r) {
    io.telejobs.notifier.delivery.Records.sendAndWait(out, r);
  }

  @Override
  public void close() {
    running = false;
    TopicFollower f = follower;
    if (f != null) {
      f.wakeup();
    }
    KafkaConsumer<byte[], byte[]> l = lock;
    if (l != null) {
      l.wakeup();
    }
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
