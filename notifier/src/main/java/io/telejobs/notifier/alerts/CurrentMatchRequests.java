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

  /** One request: a sequence number, the subscription as it is now, and when it was asked (epoch ms). */
  record Request(long seq, Subscription subscription, long askedAt) {}

  private final Clock clock;
  /**
   * Requests in the order asked, which is sequence order. Old ones leave from the front and a reader takes
   * only what is newer than its cursor from the back, so a million subscriptions arriving together (a
   * restore, an import) cost a million appends, not a scan of the whole list for each.
   */
  private final java.util.ArrayDeque<Request> requests = new java.util.ArrayDeque<>();
  private long next = 1;

  public CurrentMatchRequests(Clock clock) {
    this.clock = clock;
  }

  /** Asks for current matches when {@code now} is newly active, or active with other criteria than before. */
  synchronized void changed(Subscription before, Subscription now) {
    boolean active = now.status() == io.telejobs.contracts.SubscriptionStatus.ACTIVE;
    boolean newlyActive = before == null || before.status() != io.telejobs.contracts.SubscriptionStatus.ACTIVE;
    boolean newCriteria = before != null && !before.criteria().equals(now.criteria());
    Instant at = clock.instant();
    Instant cutoff = at.minus(WINDOW);
    if (!active || !(newlyActive || newCriteria) || now.updatedAt().isBefore(cutoff)) {
      return;
    }
    forgetBefore(cutoff.toEpochMilli());
    requests.addLast(new Request(next++, now, at.toEpochMilli()));
  }

  /** The requests after {@code cursor}, in order. */
  synchronized List<Request> after(long cursor) {
    forgetBefore(clock.millis() - WINDOW.toMillis());
    if (requests.isEmpty() || cursor >= requests.peekLast().seq()) {
      return List.of();
    }
    List<Request> out = new ArrayList<>();
    for (java.util.Iterator<Request> it = requests.descendingIterator(); it.hasNext(); ) {
      Request r = it.next();
      if (r.seq() <= cursor) {
        break;
      }
      out.add(r);
    }
    java.util.Collections.reverse(out);
    return out;
  }

  synchronized int size() {
    return requests.size();
  }

  private void forgetBefore(long askedBefore) {
    while (!requests.isEmpty() && requests.peekFirst().askedAt() < askedBefore) {
      requests.pollFirst();
    }
  }
}
