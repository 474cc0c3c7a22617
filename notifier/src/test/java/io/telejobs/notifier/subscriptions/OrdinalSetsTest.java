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
}
