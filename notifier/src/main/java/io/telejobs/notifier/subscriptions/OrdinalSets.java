package io.telejobs.notifier.subscriptions;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Sets of subscription ordinals by key (a keyword or a company), stored for being OR-ed into, or cleared
 * from, a plain bitset of all ordinals: a key named by many subscriptions as a bitset (OR-ed a word at a
 * time), one named by few as its ordinals (set or cleared one by one). A job names dozens of keys, most
 * of them rare, so this costs microseconds where one bitmap operation per key cost hundreds.
 */
final class OrdinalSets {
  /**
   * A key with at least one ordinal in this many is kept as a bitset. Setting or clearing one member costs
   * a random read and write; OR-ing a bitset costs a sequential pass over {@code n / 64} words, several
   * words per step, so from about one member in 64 the pass is the faster (the notifier-match benchmark
   * at a million subscriptions: keywords named by about 28,000 subscribers each). Such a key then takes
   * at most twice the memory of its ordinals as ints (32 at the break-even of memory).
   */
  static final int DENSE_FROM = 64;

  /** Per key its bitset ({@code long[]}) or its ordinals ({@code int[]}): one lookup per key of a job. */
  private final Map<String, Object> sets = new HashMap<>();

  /** @param sets ordinals per key; {@code n} is the number of ordinals */
  OrdinalSets(Map<String, RoaringBitmap> sets, int n) {
    sets.forEach((key, b) -> this.sets.put(key, compact(b, n)));
  }

  /** {@code b} as a bitset ({@code long[]}) when it is dense, else as its ordinals ({@code int[]}). */
  static Object compact(RoaringBitmap b, int n) {
    return b.getLongCardinality() * DENSE_FROM >= n ? bits(b, n) : b.toArray();
  }

  /** One bit per ordinal of {@code b}, in {@code ceil(n / 64)} words. */
  static long[] bits(RoaringBitmap b, int n) {
    long[] bits = new long[(n + 63) >>> 6];
    b.forEach((int ord) -> bits[ord >>> 6] |= 1L << ord);
    return bits;
  }

  /** Sets the bits of {@code key}'s ordinals in {@code bits}; returns whether the key is known. */
  boolean orInto(String key, long[] bits) {
    Object set = sets.get(key);
    orInto(set, bits, new int[] {0, bits.length});
    return set != null;
  }

  /**
   * Sets the bits of a {@link #compact} set's ordinals in {@code bits}, only within the word spans
   * {@code spans} ({@code [spans[0], spans[1])}, {@code [spans[2], spans[3])}, ...; ascending, not
   * overlapping).
   */
  static void orInto(Object set, long[] bits, int[] spans) {
    if (set instanceof long[] d) {
      for (int s = 0; s < spans.length; s += 2) {
        for (int i = spans[s]; i < spans[s + 1]; i++) {
          bits[i] |= d[i];
        }
      }
    } else if (set instanceof int[] ords) {
      int k = 0;
      for (int s = 0; s < spans.length; s += 2) {
        int to = spans[s + 1] << 6;
        for (k = from(ords, k, spans[s] << 6); k < ords.length && ords[k] < to; k++) {
          bits[ords[k] >>> 6] |= 1L << ords[k];
        }
      }
    }
  }

  /** Clears the bits of a {@link #compact} set's ordinals from {@code bits}, only within the word spans {@code spans}. */
  static void clearFrom(Object set, long[] bits, int[] spans) {
    if (set instanceof long[] d) {
      for (int s = 0; s < spans.length; s += 2) {
        for (int i = spans[s]; i < spans[s + 1]; i++) {
          bits[i] &= ~d[i];
        }
      }
    } else if (set instanceof int[] ords) {
      int k = 0;
      for (int s = 0; s < spans.length; s += 2) {
        int to = spans[s + 1] << 6;
        for (k = from(ords, k, spans[s] << 6); k < ords.length && ords[k] < to; k++) {
          bits[ords[k] >>> 6] &= ~(1L << ords[k]);
        }
      }
    }
  }

  /** The first index at or after {@code k} of ascending {@code ords} whose ordinal is at least {@code ord}. */
  private static int from(int[] ords, int k, int ord) {
    if (k >= ords.length || ords[k] >= ord) {
      return k;
    }
    int lo = k + 1;
    int hi = ords.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ords[mid] < ord) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Clears the bits of {@code key}'s ordinals in {@code bits}; returns whether the key is known. */
  boolean clearFrom(String key, long[] bits) {
    Object set = sets.get(key);
    clearFrom(set, bits, new int[] {0, bits.length});
    return set != null;
  }

  /** Whether {@code key} is kept as a bitset (tests). */
  boolean isDense(String key) {
    return sets.get(key) instanceof long[];
  }

  /** Bytes held by the sets. */
  long bytes() {
    long bytes = 0;
    for (Object set : sets.values()) {
      bytes += set instanceof long[] d ? (long) d.length * Long.BYTES : (long) ((int[]) set).length * Integer.BYTES;
    }
    return bytes;
  }
}
