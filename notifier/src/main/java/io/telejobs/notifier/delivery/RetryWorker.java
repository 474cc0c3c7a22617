package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.DeliveryRetries;
import io.telejobs.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries failed deliveries again when they are due: reads {@code notifier.retries.v1} in the consumer
 * group {@code <APP_DELIVERY_GROUP>-retries}, holds each record until its {@code retry.due} time, then
 * makes one more attempt through the same {@link DeliveryCore} as first deliveries. A record that fails
 * again goes back on the topic with a longer wait, until the retry span ends and it is dead-lettered.
 *
 * <p>Records wait in memory, soonest first, so one receiver that is down for hours holds up nobody else.
 * A partition's committed offset never passes a record still waiting, so a crash loses none: they are
 * read again, and the delivered-set keeps what was sent from being sent twice. At most {@link
 * #MAX_WAITING} records wait at a time; beyond that the worker stops reading until some are done.
 */
public final class RetryWorker implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetryWorker.class);
  static final int MAX_WAITING = 10_000;

  private record Waiting(Instant due, TopicPartition tp, long offset, ConsumerRecord<String, byte[]> record,
      DeliveryRetries state) {}

  private final Properties kafka;
  private final String groupId;
  private final DeliveryCore core;
  private final Clock clock;
  private final DeliveryWorker.Sleeper sleeper;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;
  private volatile DeliveryObserver observer = DeliveryObserver.NONE;

  private final PriorityQueue<Waiting> waiting = new PriorityQueue<>((a, b) -> a.due().compareTo(b.due()));
  private final Map<TopicPartition, TreeSet<Long>> inFlight = new HashMap<>();

  /** @param groupId the delivery group; this worker's consumer group is {@code groupId + "-retries"} */
  public RetryWorker(Properties kafka, String groupId, EmailSender email, WebhookSender webhooks,
      EmailRenderer renderer, RetryPolicy retry, Breakers breakers, Clock clock, DeliveryWorker.Sleeper sleeper,
      DeliveryWorker.CurrentSubscriptions current, DeliveryCounters counters) {
    this.kafka = kafka;
    this.groupId = groupId + "-retries";
    this.core = new DeliveryCore(email, webhooks, renderer, retry, breakers, clock, current, counters);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Observes each step of each delivery (metrics, tracing, tests). */
  public RetryWorker observedBy(DeliveryObserver observer) {
    this.observer = observer;
    return this;
  }

  /** How many deliveries wait for their next attempt in this instance. */
  public synchronized int waitingCount() {
    return waiting.size();
  }

  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

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
          LOG.error("retry worker lost Kafka ({}); starting again in 5 s", e.getMessage());
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

  private void runOnce() {
    synchronized (this) {
      waiting.clear();
      inFlight.clear();
    }
    try (KafkaProducer<byte[], byte[]> log = new KafkaProducer<>(
        DeliveryWorker.producerProperties(kafka, groupId + "-log"), new ByteArraySerializer(), new ByteArraySerializer());
        DeliveredSet deliveredSet = new DeliveredSet(kafka);
        ClosedJobs closedJobs = new ClosedJobs(kafka);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(DeliveryWorker.consumerProperties(kafka, groupId),
            new StringDeserializer(), new ByteArrayDeserializer())) {
      this.consumer = c;
      DeliveryCore.Worker w = new DeliveryCore.Worker(log, deliveredSet, closedJobs, observer);
      deliveredSet.catchUp();
      closedJobs.catchUp();
      Map<TopicPartition, Long> committed = new HashMap<>();
      c.subscribe(List.of(Topics.NOTIFIER_RETRIES.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          commit(c, committed);
          forget(partitions, committed);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
          forget(partitions, committed);
        }
      });
      ready.countDown();
      boolean paused = false;
      while (running) {
        for (ConsumerRecord<String, byte[]> r : c.poll(pollWait())) {
          accept(r, w);
        }
        boolean full = waitingCount() >= MAX_WAITING;
        if (full && !paused) {
          c.pause(c.assignment());
          paused = true;
          LOG.warn("{} deliveries wait for a retry; reading no more until some are done", MAX_WAITING);
        } else if (!full && paused) {
          c.resume(c.paused());
          paused = false;
        }
        List<Waiting> due = takeDue();
        if (!due.isEmpty()) {
          deliveredSet.catchUp();
          closedJobs.catchUp();
          for (Waiting d : due) {
            retry(d, w);
            done(d.tp(), d.offset());
          }
        }
        commit(c, committed);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    }
  }

  private Duration pollWait() {
    Waiting next;
    synchronized (this) {
      next = waiting.peek();
    }
    if (next == null) {
      return Duration.ofMillis(500);
    }
    long ms = Duration.between(clock.instant(), next.due()).toMillis();
    return Duration.ofMillis(Math.max(0, Math.min(500, ms)));
  }

  private void accept(ConsumerRecord<String, byte[]> r, DeliveryCore.Worker w) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    DeliveryRetries state;
    try {
      state = DeliveryRetries.from(r.headers());
      DeliveryRecord.Channel.valueOf(state.channel());
    } catch (RuntimeException e) {
      LOG.warn("dead-lettering unreadable retry record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
          e.getMessage());
      var headers = DeadLetters.headers(r.headers(), "notifier", "retry-read", e, r.topic(), r.partition(), r.offset());
      Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
          r.key() == null ? null : r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          DeadLetters.cappedValue(r.value(), headers), headers));
      return;
    }
    synchronized (this) {
      inFlight.computeIfAbsent(tp, k -> new TreeSet<>()).add(r.offset());
      waiting.add(new Waiting(state.due(), tp, r.offset(), r, state));
    }
  }

  private synchronized List<Waiting> takeDue() {
    List<Waiting> out = new ArrayList<>();
    Instant now = clock.instant();
    while (!waiting.isEmpty() && !waiting.peek().due().isAfter(now) && out.size() < 100) {
      out.add(waiting.poll());
    }
    return out;
  }

  private void retry(Waiting d, DeliveryCore.Worker w) {
    ConsumerRecord<String, byte[]> r = d.record();
    DeliveryCore.Origin origin = new DeliveryCore.Origin(r.value(), r.headers(), r.topic(), r.partition(), r.offset());
    DeliveryRecord.Channel channel = DeliveryRecord.Channel.valueOf(d.state().channel());
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(), r.value());
    } catch (RuntimeException e) {
      var headers = DeadLetters.headers(r.headers(), "notifier", "retry-read", e, r.topic(), r.partition(), r.offset());
      Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
          r.key() == null ? null : r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          DeadLetters.cappedValue(r.value(), headers), headers));
      return;
    }
    try {
      if (!core.cancelled(alert, channel, w)) {
        core.deliver(alert, channel, origin, d.state(), w);
      }
    } catch (LogWriteException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("retry of alert {} could not be handled; dead-lettering it", alert.alertId(), e);
      var headers = DeadLetters.headers(r.headers(), "notifier", "retry", e, r.topic(), r.partition(), r.offset());
      Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
          alert.alertId().getBytes(java.nio.charset.StandardCharsets.UTF_8), DeadLetters.cappedValue(r.value(), headers),
          headers));
    }
  }

  private synchronized void done(TopicPartition tp, long offset) {
    TreeSet<Long> offsets = inFlight.get(tp);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  /** Commits, per partition, up to the first record still waiting, or the position when none waits. */
  private void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> committed) {
    Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
    synchronized (this) {
      for (TopicPartition tp : c.assignment()) {
        TreeSet<Long> offsets = inFlight.get(tp);
        long upTo = offsets == null || offsets.isEmpty() ? c.position(tp) : offsets.first();
        if (!Long.valueOf(upTo).equals(committed.get(tp))) {
          moved.put(tp, new OffsetAndMetadata(upTo));
        }
      }
    }
    DeliveryWorker.commit(c, moved, committed, "waiting retries will be read again");
  }

  private synchronized void forget(Collection<TopicPartition> partitions, Map<TopicPartition, Long> committed) {
    Set<TopicPartition> gone = new HashSet<>(partitions);
    waiting.removeIf(wt -> gone.contains(wt.tp()));
    gone.forEach(inFlight::remove);
    gone.forEach(committed::remove);
  }

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
