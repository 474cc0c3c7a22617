package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import java.util.List;

/** The active subscriptions, queried per job. Implementations are safe for concurrent use. */
public interface SubscriptionIndex {
  /** Adds or replaces a subscription; one that is not active is removed. */
  void upsert(Subscription subscription);

  void remove(String subscriptionId);

  /** Loads many at once, e.g. at start-up; implementations may build their index once at the end. */
  default void upsertAll(java.util.Collection<Subscription> subscriptions) {
    subscriptions.forEach(this::upsert);
  }

  /** Every active subscription whose criteria fit {@code job}. */
  List<Subscription> matching(MatchedJob job);

  int size();
}
