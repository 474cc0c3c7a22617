package io.telejobs.notifier.subscriptions;

/**
 * The subscriptions that fit one job, as the ordinals of a {@link MatchIndex}: one bit per subscription
 * and their count. The index hands the bitset it computed to the caller as it is (125 KB at a million
 * subscriptions, where the median job's 105,000 ordinals as ints take 420 KB, and nothing to write out),
 * and the caller reads the ordinals from it once. Not safe for concurrent use; each match makes its own.
 */
public final class MatchSet {
  static final MatchSet EMPTY = new MatchSet(new long[0], 0);

  private final long[] bits;
  private int size;

  /** @param bits one bit per ordinal, owned by this set from now on; {@code size} is how many are set */
  MatchSet(long[] bits, int size) {
    this.bits = bits;
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** Ordinals listed per batch by {@link #forEachBatch} before they are handed out. */
  private static final int BATCH = 1024;

  /**
   * Bits listed unconditionally per non-empty word by {@link #forEachBatch}: more than most words hold in a
   * set with at most {@link #DENSE_BITS_PER_WORD} members per word on average, and {@link #DENSE_UNROLLED}
   * in a denser one (at a million subscriptions the slowest 1 % of jobs fit a fifth of them, 13 a word: with
   * 12 bits listed unconditionally, reading their match sets took 580 µs at the 99th percentile, with 24
   * about 470 µs, while the median job's stayed at about 315 µs).
   */
  private static final int UNROLLED = 12;
  private static final int DENSE_UNROLLED = 24;
  private static final int DENSE_BITS_PER_WORD = 10;

  /** Receives a match set's ordinals a batch at a time. */
  @FunctionalInterface
  public interface Batch {
    /** {@code ordinals[0 .. count)} are the next ordinals, ascending; the array is reused after this returns. */
    void accept(int[] ordinals, int count);
  }

  /**
   * Hands every ordinal in the set, ascending, to {@code each}, up to {@link #BATCH} at a time: the
   * ordinals are listed into a small buffer, which the reader then reads in a loop of its own (keeping
   * what it adds up in registers, where a callback per ordinal that adds to a field waits on the previous
   * add's store every time). A word's first {@link #UNROLLED} (or {@link #DENSE_UNROLLED}) positions are
   * written without a branch per bit: past the word's last bit the writes are garbage that the next word
   * overwrites, and the buffer has room for them. A loop that stops at each word's last bit, whose exit the
   * processor mispredicts about once a word, was a third slower.
   */
  public void forEachBatch(Batch each) {
    int[] batch = new int[BATCH + 64 + DENSE_UNROLLED];
    int unrolled = size > DENSE_BITS_PER_WORD * (long) bits.length ? DENSE_UNROLLED : UNROLLED;
    int i = 0;
    while (i < bits.length) {
      int k = 0;
      for (; i < bits.length && k < BATCH; i++) {
        long word = bits[i];
        if (word == 0) {
          continue;
        }
        int base = i << 6;
        int c = Long.bitCount(word);
        int j = k;
        for (int u = 0; u < unrolled; u++) {
          batch[j++] = base + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
        while (word != 0) {
          batch[j++] = base + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
        k += c;
      }
      if (k > 0) {
        each.accept(batch, k);
      }
    }
  }

  /** Removes {@code ordinal} from the set if it is there. */
  void remove(int ordinal) {
    int word = ordinal >>> 6;
    if (word < bits.length && (bits[word] & (1L << ordinal)) != 0) {
      bits[word] &= ~(1L << ordinal);
      size--;
    }
  }

  /** The ordinals in the set, ascending. */
  public int[] toArray() {
    int[] out = new int[size];
    int[] k = {0};
    forEachBatch((ordinals, count) -> {
      System.arraycopy(ordinals, 0, out, k[0], count);
      k[0] += count;
    });
    return out;
  }
}
