package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void allowsTheLimitPerWindowPerSubscriberAndFreesSlotsAsTheWindowSlides() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    Clock[] clock = {Clock.fixed(t0, ZoneOffset.UTC)};
    RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock[0].instant();
      }
    });
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).as("third in the hour").isFalse();
    assertThat(limiter.tryAcquire("b")).as("another subscriber").isTrue();
    clock[0] = Clock.fixed(t0.plus(Duration.ofMinutes(59)), ZoneOffset.UTC);
    assertThat(limiter.tryAcquire("a")).isFalse();
    clock[0] = Clock.fixed(t0.plus(Duration.ofMinutes(60)).plusSeconds(1), ZoneOffset.UTC);
    assertThat(limiter.tryAcquire("a")).as("an hour later").isTrue();
  }
}
