package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample history never stamps a job after the moment it is written: the broker refuses records more
 * than an hour ahead, together with the rest of their batch. Written just after midnight UTC, the history
 * lost 17 of its 600 jobs that way (SampleHistoryIT failed at 00:09 UTC).
 */
class SampleHistoryTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-12-05T00:05:00Z", "2026-12-05T08:59:59Z", "2026-12-05T12:00:00Z", "2026-12-05T23:59:00Z"})
  void noJobIsSeenAfterNowAndAllAreWithinTheDays(String at) {
    Instant now = Instant.parse(at);
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<SampleHistory.Item> items = SampleHistory.generate(now);
    assertThat(items).hasSize(600);
    assertThat(items).allSatisfy(it -> {
      assertThat(it.job().fetchedAt()).isBeforeOrEqualTo(now);
      assertThat(it.job().datePosted()).isBetween(today.minusDays(SampleHistory.DAYS - 1), today);
      if (it.closesAt() != null) {
        assertThat(it.closesAt()).isAfter(it.job().fetchedAt()).isBefore(now);
      }
    });
    assertThat(items).anySatisfy(it -> assertThat(it.job().datePosted()).isEqualTo(today));
  }
}
