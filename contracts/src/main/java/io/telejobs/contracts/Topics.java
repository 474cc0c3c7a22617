package io.telejobs.contracts;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline. Names carry a version; a breaking change makes a new topic. */
public final class Topics {
  private Topics() {}

  private static final Serde<String> KEY = Serdes.String();

  /** Postings from ingest, keyed by posting id; tombstone = job closed. */
  public static final Topic<String, JobPosting> POSTINGS =
      new Topic<>("jobs.postings.v1", KEY, new JsonSerde<>(JobPosting.class), true,
          "jobs.postings.v1.schema.json");

  /** Matched jobs from the matcher, keyed by posting id; tombstone = job closed. */
  public static final Topic<String, MatchedJob> MATCHED =
      new Topic<>("jobs.matched.v2", KEY, new JsonSerde<>(MatchedJob.class), true,
          "jobs.matched.v2.schema.json");

  /** Market figures for analysts (counts and salary percentiles), keyed by row. */
  public static final Topic<String, MarketStat> STATS =
      new Topic<>("jobs.stats.v1", KEY, new JsonSerde<>(MarketStat.class), true, "jobs.stats.v1.schema.json");

  /** Subscriptions, keyed by subscription id; tombstone = deleted. */
  public static final Topic<String, Subscription> SUBSCRIPTIONS =
      new Topic<>("subscriptions.v1", KEY, new JsonSerde<>(Subscription.class), true,
          "subscriptions.v1.schema.json");

  /** Alert decisions, keyed by subscription id. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("alerts.v2", KEY, new AlertSerde(), false, "alerts.v2.schema.json");

  /** Alerts waiting for their subscriber's digest, keyed by alert id; tombstone = sent or cancelled. */
  public static final Topic<String, Alert> DIGESTS =
      new Topic<>("digests.v2", KEY, new AlertSerde(), true, "digests.v2.schema.json");

  /** Delivery outcomes, keyed by alert id. */
  public static final Topic<String, DeliveryRecord> DELIVERIES =
      new Topic<>("deliveries.v1", KEY, new JsonSerde<>(DeliveryRecord.class), false,
          "deliveries.v1.schema.json");

  /** Crawl failures, keyed by URL. */
  public static final Topic<String, IngestError> INGEST_ERRORS =
      new Topic<>("ingest.errors.v1", KEY, new JsonSerde<>(IngestError.class), false,
          "ingest.errors.v1.schema.json");

  /** Records the matcher could not read or tag: original key and value bytes, cause in headers. */
  public static final Topic<byte[], byte[]> MATCHER_DLQ =
      new Topic<>("matcher.dlq.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  /**
   * Deliveries waiting to be tried again, keyed by alert id: the alert's bytes, with the channel, attempt,
   * time due and last error in {@code retry.*} headers ({@link DeliveryRetries}). A failed delivery waits
   * here instead of holding up its partition.
   */
  public static final Topic<byte[], byte[]> NOTIFIER_RETRIES =
      new Topic<>("notifier.retries.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  /** Records or alerts the notifier could not process or deliver: original bytes, cause in headers. */
  public static final Topic<byte[], byte[]> NOTIFIER_DLQ =
      new Topic<>("notifier.dlq.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  /**
   * Sample matched jobs for the analytics dashboard (the local run's sample history), keyed by job id; the same
   * shape as {@link #MATCHED}. Only analytics reads it, so sample jobs never reach subscribers.
   */
  public static final Topic<String, MatchedJob> MATCHED_SAMPLE =
      new Topic<>("jobs.matched.sample.v1", KEY, new JsonSerde<>(MatchedJob.class), true,
          "jobs.matched.sample.v1.schema.json");

  /** Records the analytics application could not process: original bytes, cause in headers. */
  public static final Topic<byte[], byte[]> ANALYTICS_DLQ =
      new Topic<>("analytics.dlq.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  /** All topics, for creating them and for documentation checks. */
  public static List<Topic<?, ?>> all() {
    return List.of(POSTINGS, MATCHED, STATS, SUBSCRIPTIONS, ALERTS, DIGESTS, DELIVERIES, INGEST_ERRORS, MATCHER_DLQ,
        NOTIFIER_RETRIES, NOTIFIER_DLQ, MATCHED_SAMPLE, ANALYTICS_DLQ);
  }
}
