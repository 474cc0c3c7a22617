package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts: poll {@code alerts.v2} (read_committed), skip what the delivered-set already holds,
 * make one attempt per channel, record the outcome on {@code deliveries.v1}, then commit the offsets. A
 * failed attempt waits on {@code notifier.retries.v1} for the {@link RetryWorker}; it never holds up the
 * partition.
 *
 * <p>The delivered-set is rebuilt on start from the {@code delivered} records of {@code deliveries.v1}
 * and caught up before every batch, so it also holds what other instances delivered. A crash before a
 * send re-sends nothing twice (nothing was sent); a crash after the receiver accepted and before the
 * outcome is recorded re-sends once, with the same Message-ID; a crash after recording skips it. That
 * window is the only one in which an alert can repeat.
 *
 * <p>The alerts of a batch may be delivered in several lanes at once ({@link #inLanes(int)}), each email
 * over an SMTP connection of its own; the position moves only after every lane is done.
 */
public final class DeliveryWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  /** Where a lane's awaited records go, for the message when one cannot be written. */
  private static final String PENDING_TOPICS = Topics.DELIVERIES.name() + " or " + Topics.DIGESTS.name();

  /** The subscription as it is now, to honour an unsubscribe or pause made after the alert was decided. */
  public interface CurrentSubscriptions {
    /** True when the subscription was deleted, paused or is not confirmed. */
    boolean cancelled(io.telejobs.contracts.Subscription asDecided);

    CurrentSubscriptions NONE = s -> false;
  }

  /** Waits before the loop restarts after Kafka failed; tests may pass a faster one. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Properties kafka;
  private final String groupId;
  private final DeliveryCore core;
  private final DeliveryCounters counters;
  private final Sleeper sleeper;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;
  private volatile RateLimiter rateLimiter = new RateLimiter(Integer.MAX_VALUE, Duration.ofHours(1), Clock.systemUTC());
  private int lanes = 1;

  /**
   * @param breakers shared with the {@link RetryWorker}, so both leave a failing receiver alone
   * @param counters shared with the {@link RetryWorker}, for metrics
   */
  public DeliveryWorker(Properties kafka, String groupId, EmailSender email, WebhookSender webhooks,
      EmailRenderer renderer, RetryPolicy retry, Breakers breakers, Clock clock, Sleeper sleeper,
      CurrentSubscriptions current, DeliveryCounters counters) {
    this.kafka = kafka;
    this.groupId = groupId;
    this.counters = counters;
    this.core = new DeliveryCore(email, webhooks, renderer, retry, breakers, clock, current, counters);
    this.sleeper = sleeper;
  }

  /** Caps instant emails per subscriber; the rest wait for the next hourly roll-up. */
  public DeliveryWorker limitedBy(RateLimiter limiter) {
    this.rateLimiter = limiter;
    return this;
  }

  /**
   * Delivers the alerts of each batch in {@code lanes} lanes at once (this thread is one of them): alerts
   * with the same key stay in one lane, in order. An email spends most of its time waiting for the SMTP
   * server's answers, so one lane leaves the machine idle; the email sender should allow as many
   * connections. Set before {@link #run()}.
   */
  public DeliveryWorker inLanes(int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("at least one delivery lane, was " + lanes);
    }
    this.lanes = lanes;
    return this;
  }

  /** Observes each step of each delivery (metrics, tracing). */
  public DeliveryWorker observedBy(DeliveryObserver observer) {
    this.observer = observer;
    return this;
  }

  public DeliveryCounters counters() {
    return counters;
  }

  /** Waits until the delivered-set is restored and the consumer is subscribed. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Delivers until closed. A failure of Kafka itself (a broker outage) restarts the loop after a pause:
   * offsets not yet committed are read again and the delivered-set keeps them from being sent twice. A
   * failure of one alert never gets here.
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
          LOG.error("delivery worker lost Kafka ({}); starting again in 5 s", e.getMessage());
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

  static Properties producerProperties(Properties kafka, String clientId) {
    Properties pp = new Properties();
    pp.putAll(kafka);
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    // the lanes' delivery records are waited for 64 at a time: a short linger gathers them into fewer produce
    // requests (each request was a broker round trip and handler run per email)
    pp.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    pp.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID());
    return pp;
  }

  static Properties consumerProperties(Properties kafka, String groupId) {
    return consumerProperties(kafka, groupId, 1);
  }

  /** Fifty alerts a lane per poll: each lane's share of the batch keeps it busy between commits. */
  static Properties consumerProperties(Properties kafka, String groupId, int lanes) {
    Properties cp = new Properties();
    cp.putAll(kafka);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(50 * lanes));
    return cp;
  }

  private void runOnce() {
    ExecutorService others = lanes == 1 ? null : Executors.newFixedThreadPool(lanes - 1, new ThreadFactory() {
      private final AtomicInteger n = new AtomicInteger(1);

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "notifier-delivery-lane-" + n.getAndIncrement());
        t.setDaemon(true);
        return t;
      }
    });
    try (KafkaProducer<byte[], byte[]> log = new KafkaProducer<>(producerProperties(kafka, groupId + "-log"),
        new ByteArraySerializer(), new ByteArraySerializer());
        DeliveredSet deliveredSet = new DeliveredSet(kafka);
        ClosedJobs closedJobs = new ClosedJobs(kafka);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(kafka, groupId, lanes),
            new StringDeserializer(), new ByteArrayDeserializer())) {
      this.consumer = c;
      List<DeliveryCore.Worker> workers = new ArrayList<>(lanes);
      for (int i = 0; i < lanes; i++) { // one producer for all; each lane waits for its own records
        workers.add(new DeliveryCore.Worker(log, deliveredSet, closedJobs, observer, new Pending()));
      }
      closedJobs.catchUp();
      long n = deliveredSet.catchUp();
      LOG.info("delivered-set restored from {} ({} records): {} deliveries", Topics.DELIVERIES.name(), n,
          deliveredSet.size());
      c.subscribe(List.of(Topics.ALERTS.name()));
      ready.countDown();
      Map<TopicPartition, Long> committed = new HashMap<>();
      while (running) {
        ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(500));
        if (!batch.isEmpty()) {
          deliveredSet.catchUp(); // what other instances delivered, e.g. before a rebalance gave us their partitions
          closedJobs.catchUp(); // jobs that closed since the alerts were decided
          deliverInLanes(batch, workers, others);
        }
        commitMoved(c, committed);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      if (others != null) {
        others.shutdownNow();
      }
    }
  }

  /**
   * Delivers one batch: its records split into lanes by key, each lane in order, one lane on this thread
   * and the others on {@code others}. Returns once every lane is done and its delivery records are on the
   * log, so the position may move; a lane's failure to write to Kafka is thrown after all lanes stopped.
   */
  private void deliverInLanes(ConsumerRecords<String, byte[]> batch, List<DeliveryCore.Worker> workers,
      ExecutorService others) {
    if (others == null) {
      deliverLane(batch, workers.get(0));
      return;
    }
    List<List<ConsumerRecord<String, byte[]>>> split = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      split.add(new ArrayList<>());
    }
    for (ConsumerRecord<String, byte[]> r : batch) {
      int lane = r.key() == null ? (int) Math.floorMod(r.offset(), (long) lanes)
          : Math.floorMod(r.key().hashCode(), lanes);
      split.get(lane).add(r);
    }
    List<Future<?>> started = new ArrayList<>(lanes - 1);
    for (int i = 1; i < lanes; i++) {
      if (!split.get(i).isEmpty()) {
        List<ConsumerRecord<String, byte[]>> records = split.get(i);
        DeliveryCore.Worker w = workers.get(i);
        started.add(others.submit(() -> deliverLane(records, w)));
      }
    }
    Throwable failed = null;
    try {
      deliverLane(split.get(0), workers.get(0));
    } catch (RuntimeException | Error e) { // the other lanes finish before it goes further
      failed = e;
    }
    for (Future<?> f : started) {
      try {
        f.get();
      } catch (ExecutionException e) {
        failed = failed == null ? e.getCause() : failed;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = failed == null ? new LogWriteException("interrupted while the delivery lanes finished", e) : failed;
      }
    }
    if (failed instanceof Error e) {
      throw e;
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed != null) {
      throw new LogWriteException("a delivery lane failed: " + failed.getMessage(), failed);
    }
  }

  /** One lane's alerts, in order; returns once their delivery records are on the log. */
  private void deliverLane(Iterable<ConsumerRecord<String, byte[]>> records, DeliveryCore.Worker w) {
    for (ConsumerRecord<String, byte[]> r : records) {
      handle(r, w);
      if (w.pending().full()) {
        w.pending().awaitAll(PENDING_TOPICS);
      }
    }
    w.pending().awaitAll(PENDING_TOPICS); // every record on the log before the position moves
  }

  /** Commits whenever the position moved, also past transaction markers that come without records. */
  static void commitMoved(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> committed) {
    Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
    for (TopicPartition tp : c.assignment()) {
      long position = c.position(tp);
      if (!Long.valueOf(position).equals(committed.get(tp))) {
        moved.put(tp, new OffsetAndMetadata(position));
      }
    }
    commit(c, moved, committed, "the new owner re-reads and skips what was delivered");
  }

  /**
   * Commits {@code moved} and remembers it in {@code committed}; a commit that a rebalance refuses forgets what was
   * committed and says what happens next ({@code then}).
   */
  static void commit(KafkaConsumer<?, ?> c, Map<TopicPartition, OffsetAndMetadata> moved,
      Map<TopicPartition, Long> committed, String then) {
    if (moved.isEmpty()) {
      return;
    }
    try {
      c.commitSync(moved);
      moved.forEach((tp, o) -> committed.put(tp, o.offset()));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      committed.clear();
      LOG.warn("commit during a rebalance failed ({}); {}", e.getMessage(), then);
    }
  }


  /** One alert, all its channels. Whatever goes wrong with it stays with it. */
  private void handle(ConsumerRecord<String, byte[]> r, DeliveryCore.Worker w) {
    DeliveryCore.Origin origin = new DeliveryCore.Origin(r.value(), r.headers(), r.topic(), r.partition(), r.offset());
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (RuntimeException e) {
      deadLetterUnreadable(r, w, "deserialize", e);
      return;
    }
    if (alert == null) {
      return;
    }
    try {
      for (DeliveryRecord.Channel channel : channels(alert)) {
        if (core.cancelled(alert, channel, w)) {
          continue;
        }
        // digests, and the jobs that fit a subscription when it was confirmed (sent together in one email)
        boolean digest = alert.subscription().frequency() != Frequency.INSTANT || alert.current();
        if (channel == DeliveryRecord.Channel.EMAIL && (digest || !rateLimiter.tryAcquire(alert.subscription().id()))) {
          if (!digest) {
            counters.rateLimited.incrementAndGet();
            LOG.info("subscription {} is at its hourly email limit; alert {} goes out in the next hourly roll-up",
                alert.subscription().id(), alert.alertId());
          }
          // the digest scheduler sends it; waited for with the lane's delivery records, before the position
          // moves (a confirmation hands hundreds of fitting jobs over at once)
          w.pending().add(w.log().send(new ProducerRecord<>(Topics.DIGESTS.name(),
              alert.alertId().getBytes(StandardCharsets.UTF_8), r.value())), () -> { });
          continue;
        }
        core.deliver(alert, channel, origin, null, w);
      }
    } catch (LogWriteException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("alert {} could not be handled; dead-lettering it", alert.alertId(), e);
      deadLetterUnreadable(r, w, "deliver", e);
    }
  }

  private static void deadLetterUnreadable(ConsumerRecord<String, byte[]> r, DeliveryCore.Worker w, String stage,
      RuntimeException e) {
    LOG.warn("dead-lettering alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
    var headers = DeadLetters.headers(r.headers(), "notifier", stage, e, r.topic(), r.partition(), r.offset());
    Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
        r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8), DeadLetters.cappedValue(r.value(), headers),
        headers));
  }

  static List<DeliveryRecord.Channel> channels(Alert alert) {
    List<DeliveryRecord.Channel> out = new ArrayList<>(2);
    if (alert.subscription().email() != null) {
      out.add(DeliveryRecord.Channel.EMAIL);
    }
    if (alert.subscription().webhookUrl() != null) {
      out.add(DeliveryRecord.Channel.WEBHOOK);
    }
    return out;
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
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
