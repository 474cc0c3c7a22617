package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When two subscriptions are the same one: the same email address (any case) with the same criteria. A
 * second sign-up with them does not make a second alert.
 */
public final class SameSubscription {
  private SameSubscription() {}

  /** A key equal for the same address and criteria, whatever the order of their values; null without email. */
  public static String key(String email, Criteria c) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return email.strip().toLowerCase(Locale.ROOT) + "\u0000" + String.join("\u0001",
        sorted(c.tiers()), sorted(c.levels()), sorted(c.countries()), sorted(c.workModes()),
        c.minAnnualSalary() == null ? "" : c.minAnnualSalary().stripTrailingZeros().toPlainString(),
        c.salaryCurrency() == null ? "" : c.salaryCurrency(), sorted(c.includeKeywords()), sorted(c.excludeKeywords()),
        sorted(c.excludeCompanies()), sorted(c.bands()), sorted(c.locations()));
  }

  private static String sorted(Set<?> values) {
    TreeSet<String> s = new TreeSet<>();
    values.forEach(v -> s.add(String.valueOf(v)));
    return String.join(",", s);
  }
}
