package io.telejobs.notifier.alerts;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.JobFacts;
import io.telejobs.notifier.subscriptions.SubscriptionMatcher;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The live jobs this instance holds (the decision tasks' {@code live-jobs} stores), for the subscription pages:
 * how many fit a subscription now, and which of its places no live job is in. With several notifier
 * instances it sees the partitions of its own instance.
 */
public final class LiveJobs {
  /** What the live jobs say about a subscription. */
  public record Fit(int count, Set<String> placesWithNoJob, boolean known) {
    public static final Fit UNKNOWN = new Fit(0, Set.of(), false);
  }

  private final KafkaStreams streams;

  public LiveJobs(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Counts the live jobs that fit {@code s}; {@link Fit#UNKNOWN} while the stores are not queryable. */
  public Fit fit(Subscription s) {
    ReadOnlyKeyValueStore<String, byte[]> store;
    try {
      store = streams.store(StoreQueryParameters.fromNameAndType(AlertTopology.LIVE_STORE,
          QueryableStoreTypes.<String, byte[]>keyValueStore()));
    } catch (RuntimeException e) {
      return Fit.UNKNOWN; // rebalancing or starting: the pages say nothing rather than a wrong count
    }
    Set<String> unseen = new LinkedHashSet<>(s.criteria().locations());
    int count = 0;
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        MatchedJob job;
        try {
          job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), kv.value);
        } catch (RuntimeException e) {
          continue;
        }
        if (!unseen.isEmpty()) {
          unseen.removeAll(JobFacts.places(job.locations()));
        }
        if (SubscriptionMatcher.matches(s, job)) {
          count++;
        }
      }
    } catch (RuntimeException e) {
      return Fit.UNKNOWN;
    }
    return new Fit(count, Set.copyOf(unseen), true);
  }
}
