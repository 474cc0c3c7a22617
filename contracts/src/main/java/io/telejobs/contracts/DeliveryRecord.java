package io.telejobs.contracts;

import java.time.Instant;

/**
 * The outcome of one attempt to deliver an alert.
 *
 * <p>Topic {@link Topics#DELIVERIES} ({@code deliveries.v1}). Key: the alert id. Value: this record as
 * JSON. The notifier rebuilds its delivered-set from the {@code delivered} records of this topic.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param alertId the alert
 * @param subscriptionId the subscriber
 * @param jobId the job
 * @param channel email or webhook
 * @param outcome what happened
 * @param attempt 1 for the first try
 * @param detail a human-readable detail: receiver's answer or error
 * @param at when
 */
public record DeliveryRecord(
    int schemaVersion,
    String alertId,
    String subscriptionId,
    String jobId,
    Channel channel,
    Outcome outcome,
    int attempt,
    String detail,
    Instant at) {

  public static final int SCHEMA_VERSION = 1;

  /** Delivery channel. */
  public enum Channel {
    EMAIL,
    WEBHOOK
  }

  /** Outcome of a delivery attempt. */
  public enum Outcome {
    /** The receiver accepted it. */
    DELIVERED,
    /** This attempt failed; it may be retried. */
    FAILED,
    /**
     * Not tried now: it waits on {@code notifier.retries.v1} until the time in the detail (after a failed
     * attempt, or because its receiver failed moments ago).
     */
    RETRY_SCHEDULED,
    /** Already delivered earlier; not sent again. */
    SKIPPED_DUPLICATE,
    /** Given up after the last retry; the alert went to the dead-letter topic. */
    DEAD_LETTERED,
    /** Not sent: the subscription was deleted, paused or unconfirmed by the time of delivery. */
    CANCELLED
  }

  public DeliveryRecord {
    JobPosting.requireText(alertId, "alertId");
    JobPosting.requireText(subscriptionId, "subscriptionId");
    JobPosting.requireText(jobId, "jobId");
    if (channel == null || outcome == null || at == null) {
      throw new IllegalArgumentException("channel, outcome and at are required");
    }
    detail = detail == null ? "" : detail;
  }
}
