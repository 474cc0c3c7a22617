package io.telejobs.analytics.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annual salary midpoints of the live jobs in one row, as a sorted count per value, so that
 * percentiles are exact and the sample's size grows with the distinct salaries (posted pay clusters on
 * round numbers), not with the number of jobs.
 *
 * <p>Mutable: {@link #add} and {@link #remove} change this sample and return it. The aggregation that
 * uses it keeps serialized copies in its store, so no two updates share an instance.
 *
 * @param counts midpoint to how many live jobs have it
 */
public record SalarySample(TreeMap<Long, Integer> counts) {
  public SalarySample {
    counts = counts == null ? new TreeMap<>() : new TreeMap<>(counts);
  }

  public static SalarySample empty() {
    return new SalarySample(null);
  }

  public SalarySample add(long v) {
    counts.merge(v, 1, Integer::sum);
    return this;
  }

  /** Takes out one occurrence of {@code v}, if there is one. */
  public SalarySample remove(long v) {
    counts.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
    return this;
  }

  public int size() {
    int n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }

  /** Every midpoint, once per job, ascending. */
  public List<Long> values() {
    List<Long> out = new ArrayList<>();
    counts.forEach((v, n) -> out.addAll(Collections.nCopies(n, v)));
    return out;
  }

  /** The nearest-rank percentile (1-100), or null when empty. */
  public Long percentile(int p) {
    int size = size();
    if (size == 0) {
      return null;
    }
    int rank = Math.max(1, (int) Math.ceil(p / 100.0 * size));
    int seen = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return counts.lastKey();
  }
}
