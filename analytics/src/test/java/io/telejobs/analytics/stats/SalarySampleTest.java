package io.telejobs.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalarySampleTest {
  private static SalarySample of(long... values) {
    SalarySample s = SalarySample.empty();
    for (long v : values) {
      s = s.add(v);
    }
    return s;
  }

  @ParameterizedTest(name = "p{0} = {1}")
  @CsvSource({"25, 100000", "50, 120000", "75, 140000", "90, 160000", "100, 160000", "1, 90000"})
  void nearestRankPercentiles(int p, long expected) {
    SalarySample s = of(160000, 90000, 140000, 120000, 100000, 130000, 110000, 150000);
    assertThat(s.percentile(p)).isEqualTo(expected);
  }

  @Test
  void removingAJobTakesOutOneOccurrence() {
    SalarySample s = of(100, 100, 200).remove(100);
    assertThat(s.values()).containsExactly(100L, 200L);
    assertThat(s.remove(999).values()).containsExactly(100L, 200L);
  }

  @Test
  void repeatedSalariesAreCountedNotStoredTwice() {
    SalarySample s = of(100000, 100000, 100000, 150000);
    assertThat(s.counts()).containsExactly(java.util.Map.entry(100000L, 3), java.util.Map.entry(150000L, 1));
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.percentile(75)).isEqualTo(100000L);
    assertThat(s.percentile(76)).isEqualTo(150000L);
    assertThat(s.remove(100000).remove(100000).remove(100000).counts()).containsOnlyKeys(150000L);
  }

  @Test
  void survivesAJsonRoundTrip() {
    io.telejobs.contracts.JsonSerde<SalarySample> serde = new io.telejobs.contracts.JsonSerde<>(SalarySample.class);
    SalarySample back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", of(90000, 120000, 90000)));
    assertThat(back.values()).containsExactly(90000L, 90000L, 120000L);
  }

  @Test
  void emptyHasNoPercentile() {
    assertThat(SalarySample.empty().percentile(50)).isNull();
  }
}
