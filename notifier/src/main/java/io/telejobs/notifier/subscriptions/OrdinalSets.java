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
  private final Map<String, long[]> dense = new HashMap<>();
  private final Map<String, int[]> sparse = new HashMap<>();

  /** @param sets ordinals per key; {@code n} is the number of ordinals */
  OrdinalSets(Map<String, RoaringBitmap> sets, int n) {
    sets.forEach((key, b) -> {
      if (b.getLongCardinality() * Integer.SIZE >= n) { // an int per member would take more than a bit per ordinal
        dense.put(key, bits(b, n));
      } else {
        sparse.put(key, b.toArray());
      }
    });
  }

  /** One bit per ordinal of {@code b}, in {@code ceil(n / 64)} words. */
  static long[] bits(RoaringBitmap b, int n) {
    long[] bits = new long[(n + 63) >>> 6];
    b.forEach((int ord) -> bits[ord >>> 6] |= 1L << ord);
    return bits;
  }

  /** Sets the bits of {@code key}'s ordinals in {@code bits}; returns whether the key is known. */
  boolean orInto(String key, long[] bits) {
    long[] d = dense.get(key);
    if (d != null) {
      for (int i = 0; i < d.length; i++) {
        bits[i] |= d[i];
      }
      return true;
    }
    int[] s = sparse.get(key);
    if (s != null) {
      for (int ord : s) {
        bits[ord >>> 6] |= 1L << ord;
      }
      return true;
    }
    return false;
  }

  /** Clears the bits of {@code key}'s ordinals in {@code bits}; returns whether the key is known. */
  boolean clearFrom(String key, long[] bits) {
    long[] d = dense.get(key);
    if (d != null) {
      for (int i = 0; i < d.length; i++) {
        bits[i] &= ~d[i];
      }
      return true;
    }
    int[] s = sparse.get(key);
    if (s != null) {
      for (int ord : s) {
        bits[ord >>> 6] &= ~(1L << ord);
      }
      return true;
    }
    return false;
  }

  /** Bytes held by the sets. */
  long bytes() {
    long bytes = 0;
    for (long[] d : dense.values()) {
      bytes += (long) d.length * Long.BYTES;
    }
    for (int[] s : sparse.values()) {
      bytes += (long) s.length * Integer.BYTES;
    }
    return bytes;
  }
}
