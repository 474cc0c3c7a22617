package io.telejobs.fuzz;

import java.time.Duration;

/** The time property every fuzz target checks: one input never takes long, whatever it is. */
final class Bounded {
  /** Inputs here are at most a few hundred KB; every reader is linear, so a second is far more than enough. */
  static final Duration PER_INPUT = Duration.ofSeconds(2);

  private Bounded() {}

  /** Runs {@code work}; fails (a finding) when it took longer than {@link #PER_INPUT}. */
  static void run(String what, Runnable work) {
    long start = System.nanoTime();
    work.run();
    long took = System.nanoTime() - start;
    if (took > PER_INPUT.toNanos()) {
      throw new AssertionError(what + " took " + Duration.ofNanos(took).toMillis() + " ms on one input");
    }
  }
}
