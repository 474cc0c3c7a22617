package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts: poll {@code alerts.v2} (read_committed), skip what the delivered-set already holds,
 * send, record the outcome on {@code deliveries.v1}, then commit the offsets.
 *
 * <p>The delivered-set is rebuilt on start from the {@code delivered} records of {@code deliveries.v1}
 * and caught up before every batch, so it also holds what other instances delivered.
 * A crash before a send re-sends nothing twice (nothing was sent); a crash after the receiver accepted
 * and before the outcome is recorded re-sends once, with the same Message-ID; a crash after recording
 * skips it. That window is the only one in which an alert can repeat.
 */
public final class DeliveryWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  /** The subscription as it is now, to honour an unsubscribe or pause made after the alert was decided. */
  public interface CurrentSubscriptions {
    /** True when the subscription was deleted, paused or is not confirmed. */
    boolean cancelled(io.telejobs.contracts.Subscription asDecided);

    CurrentSubscriptions NONE = s -> false;
  }

  /** Waits between retries; tests may pass a faster one. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Properties kafka;
  private final String groupId;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final EmailRenderer renderer;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CurrentSubscriptions current;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;
  private volatile DeliveredSet delivered;
  private volatile ClosedJobs closedJobs;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;
  private final CountDownLatch ready = new CountDownLatch(1);

  public final AtomicInteger sent = new AtomicInteger();
  public final AtomicInteger duplicatesSkipped = new AtomicInteger();
  public final AtomicInteger failedAttempts = new AtomicInteger();
  public final AtomicInteger deadLettered = new AtomicInteger();
  public final AtomicInteger cancelled = new AtomicInteger();
  public final AtomicInteger rateLimited = new AtomicInteger();
  private volatile RateLimiter rateLimiter = new RateLimiter(Integer.MAX_VALUE, Duration.ofHours(1), Clock.systemUTC());

  public DeliveryWorker(Properties kafka, String groupId, EmailSender email, WebhookSender webhooks,
      EmailRenderer renderer, RetryPolicy retry, Clock clock, Sleeper sleeper, CurrentSubscriptions current) {
    this.current = current;
    this.webhooks = webhooks;
    this.kafka = kafka;
    this.groupId = groupId;
    this.email = email;
    this.renderer = renderer;
    this.retry = retry;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Caps instant emails per subscriber; the rest wait for the next hourly roll-up. */
  public DeliveryWorker limitedBy(RateLimiter limiter) {
    this.rateLimiter = limiter;
    return this;
  }

  /** Observes each step of each delivery (metrics, tracing). */
  public DeliveryWorker observedBy(DeliveryObserver observer) {
    this.observer = observer;
    return this;
  }

  /** Waits until the delivered-set is restored and the consumer is subscribed. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Delivers until closed. An unexpected failure (a broker outage, say) restarts the loop after a pause:
   * offsets not yet committed are read again and the delivered-set keeps them from being sent twice.
   */
  @Override
  public void run() {
    try {
      while (running) {
        try {
          runOnce();
        } catch (RuntimeException e) {
          if (!running) {
            break;
          }
          LOG.error("delivery worker failed; restarting in 5 s", e);
          sleeper.sleep(Duration.ofSeconds(5));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ready.countDown();
      stopped.countDown();
    }
  }

  private void runOnce() throws InterruptedException {
    Properties pp = new Properties();
    pp.putAll(kafka);
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-log-" + java.util.UUID.randomUUID());
    Properties cp = new Properties();
    cp.putAll(kafka);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
    try (KafkaProducer<byte[], byte[]> log = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
        DeliveredSet deliveredSet = new DeliveredSet(kafka);
        ClosedJobs closedJobs = new ClosedJobs(kafka);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
      this.consumer = c;
      this.delivered = deliveredSet;
      this.closedJobs = closedJobs;
      closedJobs.catchUp();
      long n = deliveredSet.catchUp();
      LOG.info("delivered-set restored from {} ({} records): {} deliveries", Topics.DELIVERIES.name(), n,
          deliveredSet.size());
      c.subscribe(List.of(Topics.ALERTS.name()));
      ready.countDown();
      java.util.Map<org.apache.kafka.common.TopicPartition, Long> committed = new java.util.HashMap<>();
      while (running) {
        ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
        if (!batch.isEmpty()) {
          deliveredSet.catchUp(); // what other instances delivered, e.g. before a rebalance gave us their partitions
          closedJobs.catchUp(); // jobs that closed since the alerts were decided
          for (ConsumerRecord<String, byte[]> r : batch) {
            handle(r, log);
          }
        }
        // commit whenever the position moved, also past transaction markers that come without records
        java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> moved =
            new java.util.HashMap<>();
        for (org.apache.kafka.common.TopicPartition tp : c.assignment()) {
          long position = c.position(tp);
          if (!Long.valueOf(position).equals(committed.get(tp))) {
            moved.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(position));
          }
        }
        if (moved.isEmpty()) {
          continue;
        }
        try {
          c.commitSync(moved);
          moved.forEach((tp, o) -> committed.put(tp, o.offset()));
        } catch (org.apache.kafka.clients.consumer.CommitFailedException
            | org.apache.kafka.common.errors.RebalanceInProgressException e) {
          committed.clear();
          LOG.warn("commit after a rebalance failed ({}); the new owner re-reads and skips what was delivered", e.getMessage());
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    }
  }

  private void handle(ConsumerRecord<String, byte[]> r, KafkaProducer<byte[], byte[]> log)
      throws InterruptedException {
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (RuntimeException e) {
      LOG.warn("dead-lettering unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
      send(log, new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null, r.key() == null ? null : r.key().getBytes(
          java.nio.charset.StandardCharsets.UTF_8), r.value(), DeadLetters.headers(r.headers(), "notifier",
          "deserialize", e, r.topic(), r.partition(), r.offset())));
      return;
    }
    if (alert == null) {
      return;
    }
    if (current.cancelled(alert.subscription())) {
      cancelled.incrementAndGet();
      for (DeliveryRecord.Channel channel : channels(alert)) {
        record(log, alert, channel, DeliveryRecord.Outcome.CANCELLED, 0, "subscription deleted, paused or unconfirmed");
      }
      return;
    }
    if (closedJobs.isClosed(alert.job().jobId())) {
      cancelled.incrementAndGet();
      for (DeliveryRecord.Channel channel : channels(alert)) {
        record(log, alert, channel, DeliveryRecord.Outcome.CANCELLED, 0, "job closed before delivery");
      }
      return;
    }
    for (DeliveryRecord.Channel channel : channels(alert)) {
      deliver(r, log, alert, channel);
    }
  }

  private static List<DeliveryRecord.Channel> channels(Alert alert) {
    List<DeliveryRecord.Channel> out = new java.util.ArrayList<>(2);
    if (alert.subscription().email() != null) {
      out.add(DeliveryRecord.Channel.EMAIL);
    }
    if (alert.subscription().webhookUrl() != null) {
      out.add(DeliveryRecord.Channel.WEBHOOK);
    }
    return out;
  }

  /** One channel of one alert: skip if already delivered, else send with retries, then record. */
  private void deliver(ConsumerRecord<String, byte[]> r, KafkaProducer<byte[], byte[]> log, Alert alert,
      DeliveryRecord.Channel channel) throws InterruptedException {
    if (delivered.contains(alert.alertId(), channel)) {
      duplicatesSkipped.incrementAndGet();
      record(log, alert, channel, DeliveryRecord.Outcome.SKIPPED_DUPLICATE, 0, "already delivered");
      return;
    }
    boolean digest = alert.subscription().frequency() != io.telejobs.contracts.Frequency.INSTANT;
    if (channel == DeliveryRecord.Channel.EMAIL && (digest || !rateLimiter.tryAcquire(alert.subscription().id()))) {
      if (!digest) {
        rateLimited.incrementAndGet();
        LOG.info("subscription {} is at its hourly email limit; alert {} goes out in the next hourly roll-up",
            alert.subscription().id(), alert.alertId());
      }
      send(log, new ProducerRecord<>(Topics.DIGESTS.name(),
          alert.alertId().getBytes(java.nio.charset.StandardCharsets.UTF_8), r.value())); // the digest scheduler sends it
      return;
    }
    Email message = channel == DeliveryRecord.Channel.EMAIL ? renderer.render(alert) : null;
    String lastError = "";
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        observer.beforeSend(alert, channel);
        if (message != null) {
          email.send(message);
        } else {
          webhooks.send(alert);
        }
        observer.afterSend(alert, channel);
        record(log, alert, channel, DeliveryRecord.Outcome.DELIVERED, attempt, "accepted by the receiver");
        delivered.add(alert.alertId(), channel);
        observer.afterRecord(alert, channel);
        sent.incrementAndGet();
        LOG.info("alert {} sent by {} to subscription {} for job {}", alert.alertId(), channel, alert.subscription().id(),
            alert.job().jobId());
        return;
      } catch (DeliveryException e) {
        failedAttempts.incrementAndGet();
        lastError = e.getMessage();
        record(log, alert, channel, DeliveryRecord.Outcome.FAILED, attempt, e.getMessage());
        LOG.warn("alert {} {} attempt {} failed: {}", alert.alertId(), channel, attempt, e.getMessage());
        if (!e.retryable() || attempt == retry.maxAttempts()) {
          break;
        }
        sleeper.sleep(retry.delayAfter(attempt));
      }
    }
    deadLettered.incrementAndGet();
    record(log, alert, channel, DeliveryRecord.Outcome.DEAD_LETTERED, retry.maxAttempts(), "gave up: " + lastError);
    send(log, new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
        alert.alertId().getBytes(java.nio.charset.StandardCharsets.UTF_8), r.value(),
        DeadLetters.headers(r.headers(), "notifier", "deliver-" + channel.name().toLowerCase(java.util.Locale.ROOT),
            new DeliveryException(lastError, false, null), r.topic(), r.partition(), r.offset())));
  }

  private void record(KafkaProducer<byte[], byte[]> log, Alert alert, DeliveryRecord.Channel channel,
      DeliveryRecord.Outcome outcome, int attempt, String detail) {
    DeliveryRecord d = new DeliveryRecord(DeliveryRecord.SCHEMA_VERSION, alert.alertId(), alert.subscription().id(),
        alert.job().jobId(), channel, outcome, attempt, detail, clock.instant());
    send(log, new ProducerRecord<>(Topics.DELIVERIES.name(),
        Topics.DELIVERIES.keySerde().serializer().serialize(Topics.DELIVERIES.name(), alert.alertId()),
        Topics.DELIVERIES.valueSerde().serializer().serialize(Topics.DELIVERIES.name(), d)));
  }

  /** Sends and waits for the acknowledgement: an outcome is recorded before the offset is committed. */
  private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    Records.sendAndWait(producer, record);
  }

  /** Stops polling, finishes the alert in hand, and commits. */
  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
