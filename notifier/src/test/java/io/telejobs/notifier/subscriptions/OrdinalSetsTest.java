package io.telejobs.notifier.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * Keys stored as ordinals (few members) and as bitsets (at least one ordinal in {@link OrdinalSets#DENSE_FROM})
 * set and clear the same bits as a plain {@link BitSet} would, on both sides of the threshold.
 */
class OrdinalSetsTest {
  private static final int N = 10_000; // dense from ceil(10,000 / 64) = 157 members

  @ParameterizedTest(name = "{0} members: dense {1}")
  @CsvSource({"1, false", "100, false", "156, false", "157, true", "5000, true", "10000, true"})
  void setsAndClearsTheSameBitsAsABitSet(int members, boolean dense) {
    Random r = new Random(members);
    RoaringBitmap set = new RoaringBitmap();
    while (set.getCardinality() < members) {
      set.add(r.nextInt(N));
    }
    OrdinalSets sets = new OrdinalSets(Map.of("epic", set), N);
    assertThat(sets.isDense("epic")).isEqualTo(dense);

    long[] bits = new long[(N + 63) >>> 6];
    BitSet expected = new BitSet(N);
    for (int i = 0; i < N; i += 3) { // a third already set, so OR and clear both change and keep bits
      bits[i >>> 6] |= 1L << i;
      expected.set(i);
    }
    assertThat(sets.orInto("epic", bits)).isTrue();
    set.forEach((int ord) -> expected.set(ord));
    assertThat(BitSet.valueOf(bits)).isEqualTo(expected);

    RoaringBitmap cleared = new RoaringBitmap();
    set.forEach((int ord) -> {
      if (ord % 2 == 0) {
        cleared.add(ord);
      }
    });
    OrdinalSets clearing = new OrdinalSets(Map.of("epic", cleared), N);
    assertThat(clearing.clearFrom("epic", bits)).isTrue();
    cleared.forEach((int ord) -> expected.clear(ord));
    assertThat(BitSet.valueOf(bits)).isEqualTo(expected);

    assertThat(sets.orInto("cerner", bits)).isFalse();
    assertThat(BitSet.valueOf(bits)).isEqualTo(expected);
  }

  /** Ordinals on every word boundary of a 10-word set, and runs of them inside the gap between spans. */
  private static final int[] EDGES = {0, 1, 63, 64, 65, 127, 128, 129, 191, 192, 200, 250, 255, 256, 257, 300, 319,
      320, 383, 384, 385, 447, 448, 511, 512, 575, 576, 639};

  @ParameterizedTest(name = "spans {0}, as a bitset: {1}")
  @CsvSource({
      "'0 10', false", "'0 10', true",
      "'0 2', false", "'0 2', true",
      "'0 2 4 6', false", "'0 2 4 6', true", // a gap of two words, the second span starts on a member
      "'0 1 9 10', false", "'0 1 9 10', true", // the second span is the last word
      "'0 3 4 5', false", "'0 3 4 5', true", // a gap of one word
      "'0 0 5 7', false", "'0 0 5 7', true"}) // the first span empty
  void setsAndClearsOnlyWithinTheSpans(String spanList, boolean dense) {
    int n = 640;
    int[] spans = java.util.Arrays.stream(spanList.split(" ")).mapToInt(Integer::parseInt).toArray();
    BitSet members = new BitSet(n);
    for (int ord : EDGES) {
      members.set(ord);
    }
    Object set = dense ? members.toLongArray() : members.stream().toArray();
    BitSet inSpans = new BitSet(n);
    for (int s = 0; s < spans.length; s += 2) {
      inSpans.set(spans[s] << 6, spans[s + 1] << 6);
    }

    long[] bits = new long[n >>> 6];
    OrdinalSets.orInto(set, bits, spans);
    BitSet expected = (BitSet) members.clone();
    expected.and(inSpans);
    assertThat(BitSet.valueOf(bits)).isEqualTo(expected);

    long[] full = new long[n >>> 6];
    java.util.Arrays.fill(full, -1L);
    OrdinalSets.clearFrom(set, full, spans);
    BitSet kept = new BitSet(n);
    kept.set(0, n);
    kept.andNot(expected);
    assertThat(BitSet.valueOf(full)).isEqualTo(kept);
  }
}
