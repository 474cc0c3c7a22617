package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.DeliveryRetries;
import io.telejobs.contracts.Limits;
import io.telejobs.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel of one alert, for the delivery worker (first attempts) and the retry worker
 * (later ones) alike. Every failure is that alert's own: an attempt that fails for any reason, an
 * unexpected exception included, is recorded and either waits on {@code notifier.retries.v1} (retryable,
 * within the retry span) or goes to {@code notifier.dlq.v1} with its cause. Nothing here waits between
 * attempts, so one failing or slow receiver never holds up other subscribers' alerts.
 */
final class DeliveryCore {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryCore.class);

  /** Where a record came from, for dead-letter headers. */
  record Origin(byte[] value, Headers headers, String topic, int partition, long offset) {}

  /**
   * What one worker thread delivers with.
   *
   * @param pending where DELIVERED records and digest hand-overs wait to be waited for together, or null to
   *     wait for each
   */
  record Worker(KafkaProducer<byte[], byte[]> log, DeliveredSet delivered, ClosedJobs closedJobs,
      DeliveryObserver observer, Pending pending) {
    Worker(KafkaProducer<byte[], byte[]> log, DeliveredSet delivered, ClosedJobs closedJobs, DeliveryObserver observer) {
      this(log, delivered, closedJobs, observer, null);
    }
  }

  private final EmailSender email;
  private final WebhookSender webhooks;
  private final EmailRenderer renderer;
  private final RetryPolicy retry;
  private final Breakers breakers;
  private final Clock clock;
  private final DeliveryWorker.CurrentSubscriptions current;
  private final DeliveryCounters counters;

  DeliveryCore(EmailSender email, WebhookSender webhooks, EmailRenderer renderer, RetryPolicy retry, Breakers breakers,
      Clock clock, DeliveryWorker.CurrentSubscriptions current, DeliveryCounters counters) {
    this.email = email;
    this.webhooks = webhooks;
    this.renderer = renderer;
    this.retry = retry;
    this.breakers = breakers;
    this.clock = clock;
    this.current = current;
    this.counters = counters;
  }

  /** True, after recording it, when the alert must not go out: unsubscribed, paused, or its job closed. */
  boolean cancelled(Alert alert, DeliveryRecord.Channel channel, Worker w) {
    String why = null;
    if (current.cancelled(alert.subscription())) {
      why = "subscription deleted, paused or unconfirmed";
    } else if (w.closedJobs().isClosed(alert.job().jobId())) {
      why = "job closed before delivery";
    }
    if (why == null) {
      return false;
    }
    counters.cancelled.incrementAndGet();
    record(w, alert, channel, DeliveryRecord.Outcome.CANCELLED, 0, why);
    return true;
  }

  /**
   * One attempt at one channel of one alert, unless it was delivered already or its receiver is cooling
   * down after a failure.
   *
   * @param previous the retry state when this is a retry, null for a first delivery
   */
  void deliver(Alert alert, DeliveryRecord.Channel channel, Origin origin, DeliveryRetries previous, Worker w) {
    if (w.delivered().contains(alert.alertId(), channel)) {
      counters.duplicatesSkipped.incrementAndGet();
      record(w, alert, channel, DeliveryRecord.Outcome.SKIPPED_DUPLICATE, 0, "already delivered");
      return;
    }
    int attemptsBefore = previous == null ? 0 : previous.attempts();
    Instant now = clock.instant();
    String destination = Destinations.of(alert, channel);
    Instant blocked = breakers.blockedUntil(destination);
    if (blocked != null) {
      String why = previous != null && !previous.lastError().isEmpty() ? previous.lastError()
          : "the receiver failed moments ago";
      Instant first = previous == null ? now : previous.firstFailure();
      if (previous != null && retry.givesUp(first, now)) {
        deadLetter(w, alert, channel, origin, attemptsBefore, why);
        return;
      }
      scheduleRetry(w, alert, channel, origin, new DeliveryRetries(channel.name(), attemptsBefore, blocked, first, why),
          "its receiver failed moments ago");
      return;
    }
    int attempt = attemptsBefore + 1;
    try {
      w.observer().beforeSend(alert, channel);
      if (channel == DeliveryRecord.Channel.EMAIL) {
        email.send(renderer.render(alert));
      } else {
        webhooks.send(alert);
      }
    } catch (DeliveryException e) {
      failed(w, alert, channel, origin, previous, attempt, destination, e.getMessage(), e.retryable());
      return;
    } catch (LogWriteException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("alert {} {}: unexpected failure", alert.alertId(), channel, e);
      failed(w, alert, channel, origin, previous, attempt, destination,
          "unexpected failure: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), false);
      return;
    }
    breakers.succeeded(destination);
    w.observer().afterSend(alert, channel);
    Runnable recorded = () -> w.observer().afterRecord(alert, channel);
    if (w.pending() == null) {
      record(w, alert, channel, DeliveryRecord.Outcome.DELIVERED, attempt, "accepted by the receiver");
      recorded.run();
    } else {
      w.pending().add(w.log().send(deliveryRecord(alert, channel, DeliveryRecord.Outcome.DELIVERED, attempt,
          "accepted by the receiver")), recorded);
    }
    w.delivered().add(alert.alertId(), channel);
    counters.sent.incrementAndGet();
    // one line per email is noise at a hundred thousand alerts per job: each delivery is on deliveries.v1 and
    // counted in the metrics; a delivery that needed retries is worth a line
    if (attempt > 1) {
      LOG.info("alert {} sent by {} to subscription {} for job {} (attempt {})", alert.alertId(), channel,
          alert.subscription().id(), alert.job().jobId(), attempt);
    } else {
      LOG.debug("alert {} sent by {} to subscription {} for job {}", alert.alertId(), channel,
          alert.subscription().id(), alert.job().jobId());
    }
  }

  private void failed(Worker w, Alert alert, DeliveryRecord.Channel channel, Origin origin, DeliveryRetries previous,
      int attempt, String destination, String reason, boolean retryable) {
    counters.failedAttempts.incrementAndGet();
    record(w, alert, channel, DeliveryRecord.Outcome.FAILED, attempt, reason);
    LOG.warn("alert {} {} attempt {} failed: {}", alert.alertId(), channel, attempt, reason);
    if (!retryable) {
      deadLetter(w, alert, channel, origin, attempt, reason);
      return;
    }
    breakers.failed(destination);
    Instant now = clock.instant();
    Instant first = previous == null ? now : previous.firstFailure();
    if (retry.givesUp(first, now)) {
      deadLetter(w, alert, channel, origin, attempt, reason + "; tried for " + retry.retryFor());
      return;
    }
    Instant due = now.plus(retry.delayAfter(attempt));
    scheduleRetry(w, alert, channel, origin, new DeliveryRetries(channel.name(), attempt, due, first, reason),
        "attempt " + attempt + " failed");
  }

  private void scheduleRetry(Worker w, Alert alert, DeliveryRecord.Channel channel, Origin origin,
      DeliveryRetries next, String why) {
    counters.retriesScheduled.incrementAndGet();
    Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_RETRIES.name(), null,
        alert.alertId().getBytes(StandardCharsets.UTF_8), origin.value(), next.toHeaders()));
    record(w, alert, channel, DeliveryRecord.Outcome.RETRY_SCHEDULED, next.attempts(),
        why + "; next try at " + next.due() + (next.lastError().isEmpty() ? "" : " (" + next.lastError() + ")"));
  }

  private void deadLetter(Worker w, Alert alert, DeliveryRecord.Channel channel, Origin origin, int attempts,
      String reason) {
    counters.deadLettered.incrementAndGet();
    record(w, alert, channel, DeliveryRecord.Outcome.DEAD_LETTERED, attempts, "gave up: " + reason);
    Headers headers = DeadLetters.headers(withoutRetryHeaders(origin.headers()), "notifier",
        "deliver-" + channel.name().toLowerCase(Locale.ROOT), new DeliveryException(reason, false, null),
        origin.topic(), origin.partition(), origin.offset());
    Records.sendAndWait(w.log(), new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null,
        alert.alertId().getBytes(StandardCharsets.UTF_8), DeadLetters.cappedValue(origin.value(), headers), headers));
  }

  /** Records an outcome on {@code deliveries.v1} and waits for Kafka: it is on the log before the offset moves. */
  void record(Worker w, Alert alert, DeliveryRecord.Channel channel, DeliveryRecord.Outcome outcome, int attempt,
      String detail) {
    Records.sendAndWait(w.log(), deliveryRecord(alert, channel, outcome, attempt, detail));
  }

  private ProducerRecord<byte[], byte[]> deliveryRecord(Alert alert, DeliveryRecord.Channel channel,
      DeliveryRecord.Outcome outcome, int attempt, String detail) {
    DeliveryRecord d = new DeliveryRecord(DeliveryRecord.SCHEMA_VERSION, alert.alertId(), alert.subscription().id(),
        alert.job().jobId(), channel, outcome, attempt, Limits.cut(detail, Limits.SHORT), clock.instant());
    return new ProducerRecord<>(Topics.DELIVERIES.name(), alert.alertId().getBytes(StandardCharsets.UTF_8),
        Topics.DELIVERIES.valueSerde().serializer().serialize(Topics.DELIVERIES.name(), d));
  }

  private static Headers withoutRetryHeaders(Headers original) {
    org.apache.kafka.common.header.internals.RecordHeaders h = new org.apache.kafka.common.header.internals.RecordHeaders();
    if (original != null) {
      for (Header header : original) {
        if (!header.key().startsWith("retry.")) {
          h.add(header);
        }
      }
    }
    return h;
  }
}
