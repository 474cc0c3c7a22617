package io.telejobs.notifier.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Frequency;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestScheduleTest {
  @ParameterizedTest(name = "{0} {1}@{2}h at {3} -> {4}")
  @CsvSource({
      // frequency, zone, hour, now (UTC), last slot (UTC)
      "DAILY,  UTC,              8, 2026-11-25T09:00:00Z, 2026-11-25T08:00:00Z",
      "DAILY,  UTC,              8, 2026-11-25T07:59:59Z, 2026-11-24T08:00:00Z",
      "DAILY,  Asia/Kolkata,     9, 2026-11-25T03:30:00Z, 2026-11-25T03:30:00Z",
      "DAILY,  Asia/Kolkata,     9, 2026-11-25T03:29:00Z, 2026-11-24T03:30:00Z",
      "DAILY,  America/New_York, 7, 2026-11-25T12:00:00Z, 2026-11-25T12:00:00Z",
      "WEEKLY, UTC,              8, 2026-11-25T10:00:00Z, 2026-11-23T08:00:00Z",
      "WEEKLY, UTC,              8, 2026-11-23T07:00:00Z, 2026-11-16T08:00:00Z",
      "WEEKLY, Asia/Kolkata,     9, 2026-11-30T04:00:00Z, 2026-11-30T03:30:00Z",
      "INSTANT, Asia/Kolkata,    9, 2026-11-25T04:10:00Z, 2026-11-25T03:30:00Z",
      "INSTANT, UTC,             9, 2026-11-25T04:10:00Z, 2026-11-25T04:00:00Z",
  })
  void lastSlotIsTheSubscribersLocalHour(Frequency f, String zone, int hour, Instant now, Instant slot) {
    assertThat(DigestSchedule.lastSlot(f, ZoneId.of(zone), hour, now)).isEqualTo(slot);
  }

  @ParameterizedTest(name = "decided {0}, now {1} -> due {2}")
  @CsvSource({
      "2026-11-25T07:00:00Z, 2026-11-25T07:30:00Z, false",
      "2026-11-25T07:00:00Z, 2026-11-25T08:00:01Z, true",
      "2026-11-25T08:30:00Z, 2026-11-25T09:00:00Z, false",
      "2026-11-25T08:30:00Z, 2026-11-26T08:00:00Z, true",
  })
  void anAlertWaitsForTheFirstSlotAfterItWasDecided(Instant decided, Instant now, boolean due) {
    assertThat(DigestSchedule.due(Frequency.DAILY, ZoneId.of("UTC"), 8, decided, now)).isEqualTo(due);
  }
}
