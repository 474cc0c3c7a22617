package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void allowsTheLimitPerWindowPerSubscriberAndFreesSlotsAsTheWindowSlides() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    MovableClock clock = new MovableClock(t0);
    RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), clock);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).as("third in the hour").isFalse();
    assertThat(limiter.tryAcquire("b")).as("another subscriber").isTrue();
    clock.set(t0.plus(Duration.ofMinutes(59)));
    assertThat(limiter.tryAcquire("a")).isFalse();
    clock.set(t0.plus(Duration.ofMinutes(60)).plusSeconds(1));
    assertThat(limiter.tryAcquire("a")).as("an hour later").isTrue();
  }
}
