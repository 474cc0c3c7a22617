package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Tier;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether one job fits one subscription's criteria. An empty criterion means "any". A minimum
 * salary only matches a job whose pay is known in the same currency: amounts are never converted.
 */
public final class SubscriptionMatcher {
  private SubscriptionMatcher() {}

  /** The words of a job that keyword criteria are matched against: title and description, lower case. */
  public static Set<String> words(MatchedJob job) {
    Set<String> words = new HashSet<>();
    for (String text : new String[] {job.posting().title(), job.posting().description()}) {
      for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return words;
  }

  public static boolean matches(Subscription subscription, MatchedJob job) {
    return matches(subscription.criteria(), job, words(job));
  }

  /** @param words {@link #words(MatchedJob)} of the job, computed once per job */
  public static boolean matches(Criteria c, MatchedJob job, Set<String> words) {
    if (job.tier() == Tier.NONE) {
      return false;
    }
    if (!c.tiers().isEmpty() && !c.tiers().contains(job.tier())) {
      return false;
    }
    if (!c.levels().isEmpty() && !c.levels().contains(job.level())) {
      return false;
    }
    if (!c.countries().isEmpty() && (job.country() == null || !c.countries().contains(job.country()))) {
      return false;
    }
    if (!c.workModes().isEmpty() && !c.workModes().contains(job.workMode())) {
      return false;
    }
    if (c.minAnnualSalary() != null && !paysAtLeast(job.salary(), c.salaryCurrency(), c.minAnnualSalary())) {
      return false;
    }
    if (!c.includeKeywords().isEmpty() && c.includeKeywords().stream().noneMatch(words::contains)) {
      return false;
    }
    if (c.excludeKeywords().stream().anyMatch(words::contains)) {
      return false;
    }
    String company = job.posting().company() == null ? "" : job.posting().company().toLowerCase(Locale.ROOT).strip();
    return !c.excludeCompanies().contains(company);
  }

  private static boolean paysAtLeast(NormalizedSalary pay, String currency, BigDecimal minimum) {
    if (pay == null || !pay.currency().equalsIgnoreCase(currency)) {
      return false;
    }
    BigDecimal top = pay.annualMax() != null ? pay.annualMax() : pay.annualMin();
    return top != null && top.compareTo(minimum) >= 0;
  }
}
