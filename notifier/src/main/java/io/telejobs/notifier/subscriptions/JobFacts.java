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
 * @param band the salary band, or null when unknown
 * @param places what location criteria are matched against: each of the job's locations, each part of
 *     one between commas, and each word, lower case ({@link #places(java.util.List)})
 */
public record JobFacts(Tier tier, Level level, String country, WorkMode workMode, String currency,
    BigDecimal topAnnualPay, String company, Set<String> words, Level band, Set<String> places) {

  public JobFacts {
    places = places == null ? Set.of() : places;
  }

  /** Facts without a band or places. */
  public JobFacts(Tier tier, Level level, String country, WorkMode workMode, String currency,
      BigDecimal topAnnualPay, String company, Set<String> words) {
    this(tier, level, country, workMode, currency, topAnnualPay, company, words, null, Set.of());
  }

  /**
   * The places of a job's locations: each part between commas, each leading run of parts, and each word,
   * lower case. {@code "Boston, MA, US"} gives {@code boston}, {@code ma}, {@code us}, {@code boston, ma}
   * and {@code boston, ma, us}; {@code "New York, NY"} gives {@code new york}, {@code ny}, {@code new},
   * {@code york} and {@code new york, ny}.
   */
  public static Set<String> places(java.util.List<String> locations) {
    Set<String> out = new java.util.HashSet<>();
    for (String location : locations == null ? java.util.List.<String>of() : locations) {
      String l = location.toLowerCase(Locale.ROOT).strip();
      if (l.isEmpty()) {
        continue;
      }
      StringBuilder prefix = new StringBuilder();
      for (String part : l.split(",")) {
        String p = SPACES.matcher(part.strip()).replaceAll(" ");
        if (p.isEmpty()) {
          continue;
        }
        out.add(p);
        prefix.append(prefix.length() == 0 ? "" : ", ").append(p);
        out.add(prefix.toString()); // "columbus", "columbus, oh", "columbus, oh, us"
        for (String w : NON_WORD.split(p)) {
          if (!w.isEmpty()) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  public static JobFacts of(MatchedJob job) {
    return of(job, SubscriptionMatcher.words(job));
  }

  /** @param words {@link SubscriptionMatcher#words} of the job */
  public static JobFacts of(MatchedJob job, Set<String> words) {
    var pay = job.salary();
    BigDecimal top = pay == null ? null : pay.annualMax() != null ? pay.annualMax() : pay.annualMin();
    return new JobFacts(job.tier(), job.level(), job.country(), job.workMode(),
        top == null ? null : pay.currency(), top,
        job.company() == null ? "" : job.company().toLowerCase(Locale.ROOT).strip(),
        words, pay == null ? null : pay.band(), places(job.locations()));
  }
}
