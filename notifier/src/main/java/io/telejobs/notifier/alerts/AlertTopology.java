package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.SubscriptionIndex;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifier's decision topology.
 *
 * <pre>
 * subscriptions.v1 -> global store "subscriptions" (+ in-memory index)
 * jobs.matched.v2  -> decide (stores: alerted-by-job, live-jobs; the old "alerted" emptied into alerted-by-job) -> split
 *                     every 500 ms: subscriptions just confirmed or changed x this task's live jobs -> current alerts
 *   emit   -> alerts.v2 keyed by subscription id
 *   failed -> notifier.dlq.v1
 * </pre>
 */
public final class AlertTopology {
  public static final String SUBSCRIPTIONS_STORE = "subscriptions";
  /** The pairs as stores before kept them, one key per subscriber first; emptied into the per-job store. */
  public static final String ALERTED_STORE = "alerted";
  /** Subscriber x job pairs already alerted, keyed per job ({@link AlertedPairs}). */
  public static final String ALERTED_BY_JOB_STORE = "alerted-by-job";
  public static final String LIVE_STORE = "live-jobs";
  /** How long one run of the current-match requests may take. */
  static final Duration CURRENT_MATCH_BUDGET = Duration.ofSeconds(1);

  private AlertTopology() {}

  public static Topology build(SubscriptionIndex index, Clock clock) {
    return build(index, new CurrentMatchRequests(clock), clock);
  }

  public static Topology build(SubscriptionIndex index, CurrentMatchRequests current, Clock clock) {
    return build(index, current, CURRENT_MATCH_BUDGET, clock);
  }

  /**
   * @param currentMatchBudget how long one run of the current-match requests may take (the rest wait for the next
   *     run); well under the transaction timeout of exactly-once processing (10 s by default)
   */
  static Topology build(SubscriptionIndex index, CurrentMatchRequests current, Duration currentMatchBudget,
      Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    StoreLoad storeLoad = new StoreLoad(); // one per instance: its tasks share the index
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(),
            Serdes.ByteArray()).withLoggingDisabled(),
        Topics.SUBSCRIPTIONS.name(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("subscriptions-source"),
        () -> new SubscriptionStoreUpdater(index, current, SUBSCRIPTIONS_STORE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERTED_STORE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERTED_BY_JOB_STORE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(LIVE_STORE), Serdes.String(), Serdes.ByteArray()));

    KStream<byte[], byte[]> jobs = builder.stream(Topics.MATCHED.name(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("matched-source"));
    KStream<String, AlertOutcome> outcomes =
        jobs.process(() -> new AlertDecider(index, current, storeLoad, currentMatchBudget, clock), Named.as("decide"),
            ALERTED_STORE, ALERTED_BY_JOB_STORE, LIVE_STORE);

    outcomes.split(Named.as("route-"))
        .branch((k, v) -> v instanceof AlertOutcome.Emit, Branched.withConsumer(s -> s
            .mapValues(v -> ((AlertOutcome.Emit) v).alert(), Named.as("alert-value"))
            .to(Topics.ALERTS.name(), Produced.with(Serdes.String(), Topics.ALERTS.valueSerde())
                .withName("alerts-sink")), "emit"))
        .branch((k, v) -> v instanceof AlertOutcome.Failed, Branched.withConsumer(s -> s
            .map((k, v) -> KeyValue.pair(((AlertOutcome.Failed) v).key(), ((AlertOutcome.Failed) v).value()),
                Named.as("dlq-record"))
            .to(Topics.NOTIFIER_DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("dlq-sink")), "failed"))
        .noDefaultBranch();
    return builder.build();
  }
}
