package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks every active subscription against each job. Simple and exact; the reference for faster indexes. */
public final class ScanIndex implements SubscriptionIndex {
  private final Map<String, Subscription> active = new ConcurrentHashMap<>();

  @Override
  public void upsert(Subscription subscription) {
    if (subscription.isActive()) {
      active.put(subscription.id(), subscription);
    } else {
      active.remove(subscription.id());
    }
  }

  @Override
  public void remove(String subscriptionId) {
    active.remove(subscriptionId);
  }

  @Override
  public List<Subscription> matching(MatchedJob job) {
    JobFacts facts = JobFacts.of(job);
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : active.values()) {
      if (SubscriptionMatcher.matches(s.criteria(), facts)) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public int size() {
    return active.size();
  }
}
