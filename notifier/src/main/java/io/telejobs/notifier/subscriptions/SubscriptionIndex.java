package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import java.util.List;

/** The active subscriptions, queried per job. Implementations are safe for concurrent use. */
public interface SubscriptionIndex {
  /** Adds or replaces a subscription; one that is not active is removed. */
  void upsert(Subscription subscription);

  void remove(String subscriptionId);

  /** Every active subscription whose criteria fit {@code job}. */
  List<Subscription> matching(MatchedJob job);

  int size();
}
