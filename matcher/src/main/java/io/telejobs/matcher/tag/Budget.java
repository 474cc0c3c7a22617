package io.telejobs.matcher.tag;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time one posting may take to tag. The tagger checks it between its steps; a posting over it is
 * abandoned with {@link Exceeded}, which the topology dead-letters, so that no single posting can hold
 * the stream thread. Every step is linear in the (capped) text, so a posting over budget means a machine
 * in trouble or a posting the limits did not foresee.
 */
public final class Budget {
  private static final Budget NONE = new Budget(Long.MAX_VALUE, () -> 0L, Duration.ZERO);

  private final long deadline;
  private final LongSupplier ticker;
  private final Duration allowed;

  private Budget(long deadline, LongSupplier ticker, Duration allowed) {
    this.deadline = deadline;
    this.ticker = ticker;
    this.allowed = allowed;
  }

  /** No limit (the offline tag command). */
  public static Budget none() {
    return NONE;
  }

  /** {@code allowed} from now, by {@code nanoTicker} ({@code System::nanoTime}; tests pass their own). */
  public static Budget of(Duration allowed, LongSupplier nanoTicker) {
    return new Budget(nanoTicker.getAsLong() + allowed.toNanos(), nanoTicker, allowed);
  }

  /** Throws {@link Exceeded} when the budget is spent, naming the step that was reached. */
  public void check(String step) {
    if (this != NONE && ticker.getAsLong() - deadline > 0) {
      throw new Exceeded("tagging took longer than its budget of " + allowed.toMillis() + " ms (stopped after "
          + step + ")");
    }
  }

  /** A posting took longer than its budget. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }
}
