package io.telejobs.notifier.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index, through upserts, pauses, deletes and rebuilds, always agrees with the plain scan. */
class IndexedSubscriptionsTest {
  private static final Tier[] TIERS = {Tier.CORE, Tier.ADJACENT, Tier.PATHWAY};
  private static final String[] COUNTRIES = {"US", "IN", "GB"};
  /** Minimums in three currencies: each job's currency has others' minimums on both sides of its range. */
  private static final String[] CURRENCIES = {"USD", "INR", "GBP"};
  private static final String[] WORDS = {"telehealth", "epic", "hipaa", "nurse", "agile", "rollout"};
  private static final String[] PLACES = {"columbus", "oh", "columbus, oh", "bengaluru", "ohio"};

  private static Subscription random(Random r, String id) {
    Set<Tier> tiers = r.nextBoolean() ? Set.of() : Set.of(TIERS[r.nextInt(3)]);
    Set<Level> levels = r.nextBoolean() ? Set.of() : Set.of(Level.values()[r.nextInt(4)]);
    Set<String> countries = r.nextBoolean() ? Set.of() : Set.of(COUNTRIES[r.nextInt(3)]);
    Set<WorkMode> modes = r.nextBoolean() ? Set.of() : Set.of(WorkMode.values()[r.nextInt(3)]);
    String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
    BigDecimal min = r.nextInt(3) == 0
        ? BigDecimal.valueOf((80_000 + r.nextInt(80_000)) * (currency.equals("INR") ? 20L : 1L)) : null;
    Set<String> include = r.nextBoolean() ? Set.of() : Set.of(WORDS[r.nextInt(WORDS.length)]);
    Set<String> exclude = r.nextInt(4) == 0 ? Set.of(WORDS[r.nextInt(WORDS.length)]) : Set.of();
    Set<String> companies = r.nextInt(10) == 0 ? Set.of("riverside health") : Set.of();
    Set<Level> bands = r.nextInt(3) == 0 ? Set.of(Level.values()[r.nextInt(3)]) : Set.of();
    Set<String> places = r.nextInt(3) == 0 ? Set.of(PLACES[r.nextInt(PLACES.length)]) : Set.of();
    SubscriptionStatus status = r.nextInt(6) == 0 ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE;
    return new Subscription(1, id, id + "@example.com", null,
        new Criteria(tiers, levels, countries, modes, min, min == null ? null : currency, include, exclude, companies,
            bands, places),
        Frequency.INSTANT, status, Fixtures.AT, null, null, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 1_000_000})
  void agreesWithTheScanThroughEveryKindOfChange(int rebuildAfter) {
    Random r = new Random(rebuildAfter);
    IndexedSubscriptions index = new IndexedSubscriptions(rebuildAfter);
    ScanIndex scan = new ScanIndex();
    List<MatchedJob> jobs = List.of(
        Fixtures.telehealthJob("j1"),
        Fixtures.job("j2", "Healthcare IT Project Manager", Tier.ADJACENT, Level.MID, "IN", WorkMode.HYBRID, "USD", 90000, 100000),
        Fixtures.job("j3", "Telehealth Coordinator", Tier.PATHWAY, Level.ENTRY, null, WorkMode.ONSITE, null, 0, 0),
        Fixtures.job("j4", "Telehealth Project Manager", Tier.CORE, Level.SENIOR, "IN", WorkMode.REMOTE, "INR", 2_000_000, 2_600_000),
        Fixtures.job("j5", "Digital Health Programme Manager", Tier.CORE, Level.MID, "GB", WorkMode.HYBRID, "GBP", 90_000, 120_000));
    for (int step = 0; step < 3000; step++) {
      String id = "s" + r.nextInt(400);
      if (r.nextInt(5) == 0) {
        index.remove(id);
        scan.remove(id);
      } else {
        Subscription s = random(r, id);
        index.upsert(s);
        scan.upsert(s);
      }
      if (step % 250 == 0 || step == 2999) {
        for (MatchedJob job : jobs) {
          assertThat(index.matching(job)).extracting(Subscription::id)
              .as("step %d job %s", step, job.jobId())
              .containsExactlyInAnyOrderElementsOf(scan.matching(job).stream().map(Subscription::id).toList());
        }
      }
    }
    assertThat(index.size()).isEqualTo(scan.size());
  }
}
