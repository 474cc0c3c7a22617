package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Tier;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether one job fits one subscription's criteria: the reference that {@link MatchIndex} must
 * agree with. An empty criterion means "any". A minimum salary only matches a job whose pay is known in
 * the same currency: amounts are never converted; salary bands only match a job whose band is known.
 * A location matches one of the job's {@link JobFacts#places places}.
 */
public final class SubscriptionMatcher {
  private SubscriptionMatcher() {}

  /**
   * The words of a job that keyword criteria are matched against: the distinct words of title and
   * description the matcher publishes with the job ({@link MatchedJob#keywords()}), lower case.
   */
  public static Set<String> words(MatchedJob job) {
    return new HashSet<>(job.keywords());
  }

  public static boolean matches(Subscription subscription, MatchedJob job) {
    return matches(subscription.criteria(), JobFacts.of(job));
  }

  /** The check of one subscription against one job's facts. */
  public static boolean matches(Criteria c, JobFacts job) {
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
    if (c.minAnnualSalary() != null && (job.topAnnualPay() == null
        || !c.salaryCurrency().equalsIgnoreCase(job.currency()) || job.topAnnualPay().compareTo(c.minAnnualSalary()) < 0)) {
      return false;
    }
    if (!c.bands().isEmpty() && (job.band() == null || !c.bands().contains(job.band()))) {
      return false;
    }
    if (!c.locations().isEmpty() && c.locations().stream().noneMatch(job.places()::contains)) {
      return false;
    }
    if (!c.includeKeywords().isEmpty() && c.includeKeywords().stream().noneMatch(job.words()::contains)) {
      return false;
    }
    if (c.excludeKeywords().stream().anyMatch(job.words()::contains)) {
      return false;
    }
    return !c.excludeCompanies().contains(job.company());
  }
}
