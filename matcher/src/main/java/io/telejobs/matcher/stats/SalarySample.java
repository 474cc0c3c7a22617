package io.telejobs.matcher.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The annual salary midpoints of the live jobs in one row, kept sorted so that percentiles are exact.
 * Jobs are added and removed as they are published, change or close.
 *
 * @param values sorted midpoints
 */
public record SalarySample(List<Long> values) {
  public SalarySample {
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static SalarySample empty() {
    return new SalarySample(List.of());
  }

  public SalarySample add(long v) {
    List<Long> next = new ArrayList<>(values);
    int at = Collections.binarySearch(next, v);
    next.add(at < 0 ? -at - 1 : at, v);
    return new SalarySample(next);
  }

  public SalarySample remove(long v) {
    List<Long> next = new ArrayList<>(values);
    int at = Collections.binarySearch(next, v);
    if (at >= 0) {
      next.remove(at);
    }
    return new SalarySample(next);
  }

  public int size() {
    return values.size();
  }

  /** The nearest-rank percentile (1-100), or null when empty. */
  public Long percentile(int p) {
    if (values.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * values.size());
    return values.get(Math.max(0, rank - 1));
  }
}
