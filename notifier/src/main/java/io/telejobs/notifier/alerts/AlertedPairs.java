package io.telejobs.notifier.alerts;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which subscribers have had which job, kept per job: the keys of a job sit together
 * ({@code <length of the job id>:<job id>|<subscription id>}), so deciding a job that fits a hundred thousand
 * subscribers reads the ones it already reached with one range scan instead of a lookup per subscriber.
 *
 * <p>Stores written before kept one key per subscriber first ({@code <subscription id>|<job id>}). While that
 * store still holds pairs, they are checked too, and each run of {@link #migrate} moves a bounded number of them
 * into the per-job store, so an upgrade never alerts a subscriber twice and the old store empties over time.
 */
final class AlertedPairs {
  private final KeyValueStore<String, Long> byJob;
  private final KeyValueStore<String, Long> legacy;
  /** Whether the old store is known to be empty; looked at on first use, once the stores are restored. */
  private Boolean legacyEmpty;

  AlertedPairs(KeyValueStore<String, Long> byJob, KeyValueStore<String, Long> legacy) {
    this.byJob = byJob;
    this.legacy = legacy;
  }

  private boolean legacyEmpty() {
    if (legacyEmpty == null) {
      try (KeyValueIterator<String, Long> it = legacy.all()) {
        legacyEmpty = !it.hasNext();
      }
    }
    return legacyEmpty;
  }

  private static String prefix(String jobId) {
    return jobId.length() + ":" + jobId + "|";
  }

  private static String key(String jobId, String subscriptionId) {
    return prefix(jobId) + subscriptionId;
  }

  /** The subscribers that have had {@code jobId}, read with one range scan (not counting the old store). */
  Set<String> subscribersOf(String jobId) {
    String prefix = prefix(jobId);
    Set<String> had = new HashSet<>();
    try (KeyValueIterator<String, Long> it = byJob.prefixScan(prefix, Serdes.String().serializer())) {
      while (it.hasNext()) {
        had.add(it.next().key.substring(prefix.length()));
      }
    }
    return had;
  }

  /** Whether the subscriber had the job, given {@link #subscribersOf} for it. */
  boolean had(Set<String> subscribersOfJob, String subscriptionId, String jobId) {
    return subscribersOfJob.contains(subscriptionId) || inOldStore(subscriptionId, jobId);
  }

  /** Whether the subscriber had the job: one lookup, for checking one subscriber against many jobs. */
  boolean had(String subscriptionId, String jobId) {
    return byJob.get(key(jobId, subscriptionId)) != null || inOldStore(subscriptionId, jobId);
  }

  private boolean inOldStore(String subscriptionId, String jobId) {
    return !legacyEmpty() && legacy.get(subscriptionId + "|" + jobId) != null;
  }

  void mark(String subscriptionId, String jobId, long at) {
    byJob.put(key(jobId, subscriptionId), at);
  }

  /** Moves up to {@code max} pairs of the old store into the per-job store; returns how many moved. */
  int migrate(int max) {
    if (legacyEmpty()) {
      return 0;
    }
    int moved = 0;
    java.util.List<KeyValue<String, Long>> batch = new java.util.ArrayList<>();
    try (KeyValueIterator<String, Long> it = legacy.all()) {
      while (it.hasNext() && batch.size() < max) {
        batch.add(it.next());
      }
      legacyEmpty = !it.hasNext();
    }
    for (KeyValue<String, Long> kv : batch) {
      int bar = kv.key.indexOf('|'); // subscription ids hold no '|' ("sub-" and hex)
      if (bar > 0) {
        byJob.put(key(kv.key.substring(bar + 1), kv.key.substring(0, bar)), kv.value);
      }
      legacy.delete(kv.key);
      moved++;
    }
    return moved;
  }
}
