package io.telejobs.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision that one subscriber gets one job. Exactly one is ever produced per subscriber x job.
 *
 * <p>Topic {@link Topics#ALERTS} ({@code alerts.v2}). Key: the subscription id, so that one subscriber's
 * alerts stay in order on one partition. Value: this record as JSON. It carries what the email or webhook
 * needs: the subscription's settings and the compact matched job without its keywords, never the posting,
 * so an alert stays small however large the posting was.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param alertId stable id derived from subscription id and job id; also the email Message-ID and the
 *     webhook idempotency key
 * @param subscription the subscription as it was when the decision was made
 * @param job the matched job (without {@link MatchedJob#keywords()})
 * @param fits which of the subscriber's criteria the job met, in words ("remote", "pay at least USD 100,000
 *     a year"); empty when the subscription has none
 * @param decidedAt when the decision was made
 */
public record Alert(
    int schemaVersion, String alertId, Subscription subscription, MatchedJob job, List<String> fits,
    Instant decidedAt, boolean current) {

  /** 2: the job is the compact {@code jobs.matched.v2} job; {@code fits} added. */
  public static final int SCHEMA_VERSION = 2;

  public Alert {
    JobPosting.requireText(alertId, "alertId");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(decidedAt, "decidedAt");
    job = job.withoutKeywords();
    fits = fits == null ? List.of() : List.copyOf(fits);
  }

  /** An alert about a job that was just posted or changed. */
  public Alert(int schemaVersion, String alertId, Subscription subscription, MatchedJob job, List<String> fits,
      Instant decidedAt) {
    this(schemaVersion, alertId, subscription, job, fits, decidedAt, false);
  }

  /** The stable id of the alert for this subscriber and job. */
  public static String idFor(String subscriptionId, String jobId) {
    return Ids.sha256Hex(subscriptionId + "\u0000" + jobId).substring(0, 32);
  }
}
