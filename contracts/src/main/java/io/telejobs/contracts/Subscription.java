package io.telejobs.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's alert settings.
 *
 * <p>Topic {@link Topics#SUBSCRIPTIONS} ({@code subscriptions.v1}, compacted). Key: {@link #id()}.
 * Value: this record as JSON; a tombstone deletes the subscription.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param id subscription id
 * @param email where email alerts go, or null for webhook only
 * @param webhookUrl where webhook alerts go, or null for email only
 * @param criteria which jobs fit
 * @param frequency instant or digest
 * @param status pending until opted in, then active or paused
 * @param updatedAt when it last changed
 * @param webhookFormat {@code json} (default) or {@code slack} (a Slack-compatible {@code {"text": ...}} body)
 * @param timeZone IANA time zone of the subscriber, for digests (default UTC)
 * @param digestHour local hour (0-23) at which digests go out (default 8)
 */
public record Subscription(
    int schemaVersion,
    String id,
    String email,
    String webhookUrl,
    Criteria criteria,
    Frequency frequency,
    SubscriptionStatus status,
    Instant updatedAt,
    String webhookFormat,
    String timeZone,
    Integer digestHour) {

  public static final int SCHEMA_VERSION = 1;

  public Subscription {
    JobPosting.requireText(id, "id");
    if ((email == null || email.isBlank()) && (webhookUrl == null || webhookUrl.isBlank())) {
      throw new IllegalArgumentException("a subscription needs an email or a webhookUrl");
    }
    criteria = criteria == null ? Criteria.any() : criteria;
    frequency = frequency == null ? Frequency.INSTANT : frequency;
    status = status == null ? SubscriptionStatus.PENDING : status;
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (webhookFormat != null && !webhookFormat.equals("json") && !webhookFormat.equals("slack")) {
      throw new IllegalArgumentException("webhookFormat must be json or slack");
    }
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    java.time.ZoneId.of(timeZone); // fails on an unknown zone
    digestHour = digestHour == null ? 8 : digestHour;
    if (digestHour < 0 || digestHour > 23) {
      throw new IllegalArgumentException("digestHour must be 0 to 23");
    }
  }

  /** A subscription with the defaults for everything but its identity, channels and criteria. */
  public static Subscription of(String id, String email, String webhookUrl, Criteria criteria, Frequency frequency,
      SubscriptionStatus status, Instant updatedAt) {
    return new Subscription(SCHEMA_VERSION, id, email, webhookUrl, criteria, frequency, status, updatedAt, null, null,
        null);
  }

  /** The subscription with another status and time of change. */
  public Subscription withStatus(SubscriptionStatus next, Instant at) {
    return new Subscription(schemaVersion, id, email, webhookUrl, criteria, frequency, next, at, webhookFormat,
        timeZone, digestHour);
  }

  @JsonIgnore
  public boolean isActive() {
    return status == SubscriptionStatus.ACTIVE;
  }
}
