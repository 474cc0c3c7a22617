package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscriptions that were just confirmed or whose criteria just changed, each to be matched once against
 * the live jobs of every task. One per process: the global subscriptions store adds to it, every decision
 * task reads it from its own cursor. Only recent changes count ({@link #WINDOW}), so that restoring the
 * store after a restart does not send every subscriber the whole market again; a request read twice is
 * harmless, because each subscriber x job pair is decided once in the alerted store.
 */
public final class CurrentMatchRequests {
  /** How recent a change must be to ask for current matches. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** One request: a sequence number and the subscription as it is now. */
  record Request(long seq, Subscription subscription) {}

  private final Clock clock;
  private final List<Request> requests = new ArrayList<>();
  private long next = 1;

  public CurrentMatchRequests(Clock clock) {
    this.clock = clock;
  }

  /** Asks for current matches when {@code now} is newly active, or active with other criteria than before. */
  synchronized void changed(Subscription before, Subscription now) {
    boolean active = now.status() == io.telejobs.contracts.SubscriptionStatus.ACTIVE;
    boolean newlyActive = before == null || before.status() != io.telejobs.contracts.SubscriptionStatus.ACTIVE;
    boolean newCriteria = before != null && !before.criteria().equals(now.criteria());
    Instant cutoff = clock.instant().minus(WINDOW);
    if (!active || !(newlyActive || newCriteria) || now.updatedAt().isBefore(cutoff)) {
      return;
    }
    requests.removeIf(r -> r.subscription().updatedAt().isBefore(cutoff));
    requests.add(new Request(next++, now));
  }

  /** The requests after {@code cursor}, in order. */
  synchronized List<Request> after(long cursor) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.seq() > cursor) {
        out.add(r);
      }
    }
    return out;
  }
}
