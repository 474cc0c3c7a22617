package io.telejobs.notifier.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentMatchRequestsTest {
  private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

  private static Subscription sub(String id, SubscriptionStatus status, Set<Tier> tiers, Instant at) {
    return Subscription.of(id, id + "@example.com", null,
        new Criteria(tiers, null, null, null, null, null, null, null, null, null, null), Frequency.INSTANT, status, at);
  }

  @Test
  void asksForNewlyActiveAndChangedSubscriptionsOnly() {
    MovableClock clock = new MovableClock(T0);
    CurrentMatchRequests requests = new CurrentMatchRequests(clock);
    Subscription pending = sub("a", SubscriptionStatus.PENDING, Set.of(Tier.CORE), T0);
    Subscription active = sub("a", SubscriptionStatus.ACTIVE, Set.of(Tier.CORE), T0);
    requests.changed(null, pending); // not active: nothing
    requests.changed(pending, active); // confirmed
    requests.changed(active, active); // same criteria: nothing
    requests.changed(active, sub("a", SubscriptionStatus.ACTIVE, Set.of(Tier.PATHWAY), T0)); // new criteria
    requests.changed(null, sub("old", SubscriptionStatus.ACTIVE, Set.of(Tier.CORE), T0.minus(Duration.ofHours(1))));

    List<CurrentMatchRequests.Request> all = requests.after(0);
    assertThat(all).extracting(CurrentMatchRequests.Request::seq).containsExactly(1L, 2L);
    assertThat(all.get(1).subscription().criteria().tiers()).containsExactly(Tier.PATHWAY);
    assertThat(requests.after(1)).extracting(CurrentMatchRequests.Request::seq).containsExactly(2L);
    assertThat(requests.after(2)).isEmpty();
  }

  @Test
  void requestsOlderThanTheWindowAreForgotten() {
    MovableClock clock = new MovableClock(T0);
    CurrentMatchRequests requests = new CurrentMatchRequests(clock);
    requests.changed(null, sub("a", SubscriptionStatus.ACTIVE, Set.of(Tier.CORE), T0));
    clock.set(T0.plus(Duration.ofMinutes(6)));
    requests.changed(null, sub("b", SubscriptionStatus.ACTIVE, Set.of(Tier.CORE), clock.instant()));
    clock.set(T0.plus(CurrentMatchRequests.WINDOW).plusSeconds(1));
    assertThat(requests.after(0)).extracting(r -> r.subscription().id()).containsExactly("b");
    assertThat(requests.size()).isEqualTo(1);
  }

  /** A restore or an import of a million subscriptions within the window: each is one append. */
  @Test
  void aMillionNewSubscriptionsAreEachAskedForOnce() {
    MovableClock clock = new MovableClock(T0);
    CurrentMatchRequests requests = new CurrentMatchRequests(clock);
    for (int i = 0; i < 1_000_000; i++) {
      requests.changed(null, sub("s" + i, SubscriptionStatus.ACTIVE, Set.of(Tier.CORE), T0));
    }
    assertThat(requests.after(999_990)).extracting(CurrentMatchRequests.Request::seq)
        .containsExactly(999_991L, 999_992L, 999_993L, 999_994L, 999_995L, 999_996L, 999_997L, 999_998L, 999_999L,
            1_000_000L);
    assertThat(requests.after(0)).hasSize(1_000_000);
  }
}
