package io.telejobs.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers receivers that just failed, per destination (the SMTP server; a webhook's host and port), so
 * that the next alerts for a failing or slow receiver wait on the retry topic at once instead of each
 * paying a timeout: one bad receiver costs one failed attempt per cool-down, not one per alert. A
 * success closes it again. Plain Java; safe for concurrent use.
 */
public final class Breakers {
  private record State(int failures, Instant until) {}

  private final Map<String, State> open = new ConcurrentHashMap<>();
  private final RetryPolicy policy;
  private final Clock clock;

  public Breakers(RetryPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Until when {@code destination} is left alone, or null when it may be tried now. */
  public Instant blockedUntil(String destination) {
    State s = open.get(destination);
    if (s == null || !clock.instant().isBefore(s.until())) {
      return null;
    }
    return s.until();
  }

  /** A retryable failure: the destination is left alone for a cool-down that grows with each failure. */
  public void failed(String destination) {
    open.compute(destination, (k, s) -> {
      int n = s == null ? 1 : s.failures() + 1;
      Duration wait = policy.delayAfter(n);
      return new State(n, clock.instant().plus(wait));
    });
  }

  /** The destination answered: try it freely again. */
  public void succeeded(String destination) {
    open.remove(destination);
  }
}
