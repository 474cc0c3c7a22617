package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.RoaringBitmap;

/**
 * The production {@link SubscriptionIndex}: a {@link MatchIndex} over a snapshot of the active
 * subscriptions, plus the changes since that snapshot (checked one by one) until there are enough of
 * them to rebuild. Safe for concurrent use: the global-store thread writes, stream threads read.
 */
public final class IndexedSubscriptions implements SubscriptionIndex {
  private final int rebuildAfter;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Subscription> active = new HashMap<>();
  private final Map<String, Subscription> changedSinceBuild = new HashMap<>();
  private final Map<String, Integer> ordinalOf = new HashMap<>();
  private final RoaringBitmap staleOrdinals = new RoaringBitmap();
  private MatchIndex index = MatchIndex.build(List.of());
  /** The subscription behind each ordinal of {@link #index}, as it was built; stale ones are skipped. */
  private Subscription[] byOrdinal = new Subscription[0];

  /** @param rebuildAfter how many changes since the last build trigger a rebuild */
  public IndexedSubscriptions(int rebuildAfter) {
    this.rebuildAfter = rebuildAfter;
  }

  public IndexedSubscriptions() {
    this(10_000);
  }

  @Override
  public void upsert(Subscription s) {
    lock.writeLock().lock();
    try {
      markStale(s.id());
      if (s.isActive()) {
        active.put(s.id(), s);
        changedSinceBuild.put(s.id(), s);
      } else {
        active.remove(s.id());
      }
      maybeRebuild();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void upsertAll(java.util.Collection<Subscription> subscriptions) {
    lock.writeLock().lock();
    try {
      for (Subscription s : subscriptions) {
        if (s.isActive()) {
          active.put(s.id(), s);
        } else {
          active.remove(s.id());
        }
      }
      rebuild();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void remove(String id) {
    lock.writeLock().lock();
    try {
      markStale(id);
      active.remove(id);
      maybeRebuild();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void markStale(String id) {
    changedSinceBuild.remove(id);
    Integer ord = ordinalOf.get(id);
    if (ord != null) {
      staleOrdinals.add(ord);
    }
  }

  private void maybeRebuild() {
    if (changedSinceBuild.size() + staleOrdinals.getCardinality() >= Math.max(rebuildAfter, active.size() / 20)) {
      rebuild();
    }
  }

  /** Builds a fresh index over every active subscription. */
  public void rebuild() {
    lock.writeLock().lock();
    try {
      List<MatchIndex.Entry> entries = new ArrayList<>(active.size());
      active.values().forEach(s -> entries.add(new MatchIndex.Entry(s.id(), s.criteria())));
      index = MatchIndex.build(entries);
      ordinalOf.clear();
      byOrdinal = new Subscription[index.size()];
      for (int i = 0; i < index.size(); i++) {
        ordinalOf.put(index.id(i), i);
        byOrdinal[i] = active.get(index.id(i));
      }
      changedSinceBuild.clear();
      staleOrdinals.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<Subscription> matching(MatchedJob job) {
    JobFacts facts = JobFacts.of(job);
    lock.readLock().lock();
    try {
      MatchSet hits = index.match(facts);
      staleOrdinals.forEach((int ord) -> hits.remove(ord)); // changed or removed since the build
      List<Subscription> out = new ArrayList<>(hits.size() + changedSinceBuild.size());
      Subscription[] subscriptions = byOrdinal;
      hits.forEachBatch((ordinals, count) -> {
        for (int i = 0; i < count; i++) {
          out.add(subscriptions[ordinals[i]]);
        }
      });
      for (Subscription s : changedSinceBuild.values()) {
        if (SubscriptionMatcher.matches(s.criteria(), facts)) {
          out.add(s);
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      return active.size();
    } finally {
      lock.readLock().unlock();
    }
  }
}
