package io.telejobs.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The decision that one subscriber gets one job. Exactly one is ever produced per subscriber x job.
 *
 * <p>Topic {@link Topics#ALERTS} ({@code alerts.v1}). Key: the subscription id, so that one subscriber's
 * alerts stay in order on one partition. Value: this record as JSON.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param alertId stable id derived from subscription id and job id; also the email Message-ID and the
 *     webhook idempotency key
 * @param subscription the subscription as it was when the decision was made
 * @param job the matched job
 * @param decidedAt when the decision was made
 */
public record Alert(
    int schemaVersion, String alertId, Subscription subscription, MatchedJob job, Instant decidedAt) {

  public static final int SCHEMA_VERSION = 1;

  public Alert {
    JobPosting.requireText(alertId, "alertId");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** The stable id of the alert for this subscriber and job. */
  public static String idFor(String subscriptionId, String jobId) {
    return Ids.sha256Hex(subscriptionId + "\u0000" + jobId).substring(0, 32);
  }
}
