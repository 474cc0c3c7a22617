package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * What subscription criteria look at in a job, computed once per job.
 *
 * @param tier tier
 * @param level level
 * @param country ISO country or null
 * @param workMode work mode
 * @param currency pay currency, or null when pay is unknown
 * @param topAnnualPay the top of the annual pay range, or null
 * @param company lower-case company, or empty
 * @param words lower-case words of title and description
 */
public record JobFacts(Tier tier, Level level, String country, WorkMode workMode, String currency,
    BigDecimal topAnnualPay, String company, Set<String> words) {

  public static JobFacts of(MatchedJob job) {
    return of(job, SubscriptionMatcher.words(job));
  }

  /** @param words {@link SubscriptionMatcher#words} of the job */
  public static JobFacts of(MatchedJob job, Set<String> words) {
    var pay = job.salary();
    BigDecimal top = pay == null ? null : pay.annualMax() != null ? pay.annualMax() : pay.annualMin();
    return new JobFacts(job.tier(), job.level(), job.country(), job.workMode(),
        top == null ? null : pay.currency(), top,
        job.posting().company() == null ? "" : job.posting().company().toLowerCase(Locale.ROOT).strip(),
        words);
  }
}
