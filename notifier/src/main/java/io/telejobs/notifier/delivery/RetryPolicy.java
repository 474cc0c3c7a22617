package io.telejobs.notifier.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter.
 *
 * @param maxAttempts attempts before an alert is dead-lettered
 * @param baseDelay delay before the second attempt; doubles each time
 * @param maxDelay cap on one delay
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based): random in [d/2, d], d = base * 2^(attempt-1). */
  public Duration delayAfter(int attempt) {
    long base = baseDelay.toMillis() << Math.min(20, attempt - 1);
    long capped = Math.min(base, maxDelay.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }
}
