package io.telejobs.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request at a time per host, at least a delay apart. Hosts do not wait for each other.
 *
 * <p>A caller {@link #acquire}s a host before its request and {@link #release}s it after; the next
 * request to that host may start no sooner than the delay after the release.
 */
public final class HostGate {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** Waits; tests inject a clock-driven one. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public HostGate(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public static HostGate system() {
    return new HostGate(Clock.systemUTC(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  /** Blocks until this thread may request {@code host}, then holds it. */
  public void acquire(String host, Duration delay) throws InterruptedException {
    Slot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot());
    slot.lock.lockInterruptibly();
    Instant earliest = slot.releasedAt == null ? Instant.MIN : slot.releasedAt.plus(delay);
    Duration wait = Duration.between(clock.instant(), earliest);
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        slot.lock.unlock();
        throw e;
      }
    }
  }

  /** Frees {@code host} for the next request, which waits the delay from now. */
  public void release(String host) {
    Slot slot = slots.get(host.toLowerCase(Locale.ROOT));
    if (slot != null && slot.lock.isHeldByCurrentThread()) {
      slot.releasedAt = clock.instant();
      slot.lock.unlock();
    }
  }

  private static final class Slot {
    final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);
    volatile Instant releasedAt;
  }
}
