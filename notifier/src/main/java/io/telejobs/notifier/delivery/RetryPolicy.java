package io.telejobs.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed delivery is tried again: exponential backoff with jitter, each wait capped at
 * {@code maxDelay}, for as long as {@code retryFor} after the first failure. The defaults (5 s doubling to
 * 30 min, for 24 h) outlast a mail server's or a receiver's realistic outage; then the alert is
 * dead-lettered, and a documented command re-drives it.
 *
 * @param baseDelay wait after the first failed attempt; doubles each time
 * @param maxDelay cap on one wait
 * @param retryFor how long after the first failure an alert is still tried
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, Duration retryFor) {
  public RetryPolicy {
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0 || retryFor.isNegative()) {
      throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay and retryFor >= 0");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based): random in [d/2, d], d = base * 2^(attempt-1), capped. */
  public Duration delayAfter(int attempt) {
    long base = baseDelay.toMillis() << Math.min(30, Math.max(0, attempt - 1));
    long capped = Math.min(base < 0 ? Long.MAX_VALUE : base, maxDelay.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }

  /** True when an alert whose first attempt failed at {@code firstFailure} is no longer tried at {@code now}. */
  public boolean givesUp(Instant firstFailure, Instant now) {
    return Duration.between(firstFailure, now).compareTo(retryFor) >= 0;
  }
}
