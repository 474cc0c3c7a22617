package io.telejobs.notifier.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The match index's word-level steps against {@link BitSet}: listing and reading the set bits of a
 * {@link MatchSet} (the listing writes a word's first bits without a branch and lets the next word
 * overwrite what lies past its last bit), removing from it, and clearing an ordinal range (the salary
 * ranges).
 */
class MatchIndexBitsTest {
  private static long[] words(BitSet set, int n) {
    long[] bits = new long[(n + 63) >>> 6];
    long[] raw = set.toLongArray();
    System.arraycopy(raw, 0, bits, 0, raw.length);
    return bits;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "nothing set, 0, 640",
      "every bit, 1.0, 640",
      "every bit across several batches, 1.0, 5000",
      "half across several batches, 0.5, 20000",
      "one in ten (the model's match rate), 0.1, 6400",
      "one in five (a broad job), 0.2, 6400",
      "one in a hundred, 0.01, 6400",
      "half, 0.5, 1000",
      "a partial last word, 0.3, 1001"})
  void readsTheSetBitsInOrder(String name, double density, int n) {
    Random r = new Random(n + (long) (density * 1000));
    BitSet set = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < density) {
        set.set(i);
      }
    }
    MatchSet matches = new MatchSet(words(set, n), set.cardinality());
    List<Integer> read = new ArrayList<>();
    matches.forEachBatch((ordinals, count) -> {
      assertThat(count).as("a batch: 1,024 ordinals and the rest of the last word at most").isBetween(1, 1024 + 63);
      for (int i = 0; i < count; i++) {
        read.add(ordinals[i]);
      }
    });
    assertThat(read).containsExactlyElementsOf(set.stream().boxed().toList());
    assertThat(matches.toArray()).containsExactly(set.stream().toArray());
    assertThat(matches.size()).isEqualTo(set.cardinality());
  }

  @ParameterizedTest(name = "remove {0}")
  @CsvSource({"'3 64 65'", "'0 0'", "'7'", "'130 131 2'", "'999 1000'", "'1001 5000'"})
  void removesOrdinalsAndCountsOnlyThoseThatWereIn(String removed) {
    int n = 1001;
    BitSet set = new BitSet(n);
    Random r = new Random(removed.hashCode());
    for (int i = 0; i < n; i++) {
      if (r.nextBoolean()) {
        set.set(i);
      }
    }
    set.set(3);
    set.set(999);
    set.clear(130);
    MatchSet matches = new MatchSet(words(set, n), set.cardinality());
    for (String o : removed.split(" ")) {
      int ord = Integer.parseInt(o);
      matches.remove(ord);
      if (ord < n) {
        set.clear(ord);
      }
    }
    assertThat(matches.size()).isEqualTo(set.cardinality());
    assertThat(matches.toArray()).containsExactly(set.stream().toArray());
  }

  @ParameterizedTest(name = "bits {0} in a 4-word set")
  @CsvSource({
      "'0'", "'63'", "'64'", "'255'", "'0 255'",
      // words holding exactly the unrolled count, one more, one fewer, next to a sparse word and at the end
      "'0 1 2 3 4 5 6 7 8 9 10 11 64'", "'0 1 2 3 4 5 6 7 8 9 10 11 12 64'", "'0 1 2 3 4 5 6 7 8 9 10 64 65'",
      "'3 130 131 132 133 134 135 136 137 138 139 140 141 142 143 200'",
      "'200 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255'"})
  void listsWordsAroundTheUnrolledCount(String ordinals) {
    BitSet set = new BitSet(256);
    for (String o : ordinals.split(" ")) {
      set.set(Integer.parseInt(o));
    }
    assertThat(new MatchSet(words(set, 256), set.cardinality()).toArray()).containsExactly(set.stream().toArray());
  }

  @ParameterizedTest(name = "clear [{0}, {1})")
  @CsvSource({"0, 0", "5, 5", "0, 64", "3, 9", "60, 70", "64, 128", "1, 255", "0, 256", "127, 129", "200, 256"})
  void clearsARangeAndCountsWhatItCleared(int from, int to) {
    BitSet set = new BitSet(256);
    Random r = new Random(from * 31L + to);
    for (int i = 0; i < 256; i++) {
      if (r.nextInt(3) > 0) {
        set.set(i);
      }
    }
    long[] bits = words(set, 256);
    int wasSet = set.get(from, to).cardinality();
    assertThat(MatchIndex.clear(bits, from, to)).isEqualTo(wasSet);
    set.clear(from, to);
    assertThat(BitSet.valueOf(bits)).isEqualTo(set);
  }
}
