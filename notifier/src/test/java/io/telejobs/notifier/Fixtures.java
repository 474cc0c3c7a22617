package io.telejobs.notifier;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Jobs and subscriptions for notifier tests. */
public final class Fixtures {
  public static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");

  private Fixtures() {}

  public static MatchedJob job(String id, String title, Tier tier, Level level, String country, WorkMode mode,
      String currency, long annualMin, long annualMax) {
    return job(id, title, tier, level, country, mode, currency, annualMin, annualMax,
        "https://careers.example.org/jobs/" + id);
  }

  /** A matched job as the matcher publishes it, with {@code applyUrl} as its apply link. */
  public static MatchedJob job(String id, String title, Tier tier, Level level, String country, WorkMode mode,
      String currency, long annualMin, long annualMax, String applyUrl) {
    String description = "Lead our telehealth platform roll-out across Epic clinics.";
    NormalizedSalary pay = currency == null ? null : new NormalizedSalary(currency, "YEAR",
        BigDecimal.valueOf(annualMin), BigDecimal.valueOf(annualMax), BigDecimal.valueOf(annualMin),
        BigDecimal.valueOf(annualMax), annualMin >= 120_000 ? Level.SENIOR : annualMin >= 90_000 ? Level.MID : Level.ENTRY,
        null);
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    for (String w : (title + " " + description).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, id, id, "test", title, "Riverside Health",
        List.of("Columbus, OH, US"), country, mode, List.of("FULL_TIME"), null, null,
        "https://careers.example.org/jobs/" + id, applyUrl, List.of("https://careers.example.org/jobs/" + id),
        description, List.copyOf(words), "telehealth-project-manager", "1.0.0", tier, level, 0.95, pay, List.of(),
        List.of(), List.of(), List.of(), AT, AT);
  }

  public static MatchedJob telehealthJob(String id) {
    return job(id, "Senior Telehealth Project Manager", Tier.CORE, Level.SENIOR, "US", WorkMode.REMOTE, "USD",
        120000, 140000);
  }

  public static Subscription subscription(String id, String email, Criteria criteria) {
    return new Subscription(Subscription.SCHEMA_VERSION, id, email, null, criteria, Frequency.INSTANT,
        SubscriptionStatus.ACTIVE, AT, null, null, null);
  }
}
