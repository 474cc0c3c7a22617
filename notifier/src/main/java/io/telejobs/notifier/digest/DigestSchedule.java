package io.telejobs.notifier.digest;

import io.telejobs.contracts.Frequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When digests go out: daily at the subscriber's local hour, weekly on Monday at that hour, and for an
 * instant subscriber whose alerts hit the hourly rate limit, at the top of the next hour. An alert is due
 * once the first slot after it was decided has passed.
 */
public final class DigestSchedule {
  private DigestSchedule() {}

  /** The latest slot at or before {@code now}. */
  public static Instant lastSlot(Frequency frequency, ZoneId zone, int hour, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    if (frequency == Frequency.INSTANT) {
      return local.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
    }
    LocalDate day = local.toLocalDate();
    if (frequency == Frequency.WEEKLY) {
      day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
    ZonedDateTime slot = day.atTime(hour, 0).atZone(zone);
    if (slot.toInstant().isAfter(now)) {
      slot = frequency == Frequency.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
    }
    return slot.toInstant();
  }

  /** Whether an alert decided at {@code decidedAt} belongs in a digest sent at {@code now}. */
  public static boolean due(Frequency frequency, ZoneId zone, int hour, Instant decidedAt, Instant now) {
    return decidedAt.isBefore(lastSlot(frequency, zone, hour, now));
  }
}
