package io.telejobs.bench;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.subscriptions.JobFacts;
import io.telejobs.notifier.subscriptions.MatchIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Jobs and subscriptions drawn from the model in {@code shared/bench/subscription-model.md}, with fixed
 * seeds so runs repeat. One difference, by design: a minimum salary matches only pay in the same
 * currency (the product never converts), where the model converts INR to USD at 83.
 */
public final class SubscriptionModel {
  static final String[] DOMAIN = {"care", "patient", "healthcare", "clinical", "virtual", "agile", "compliance",
      "implementation", "workflow", "analytics", "telehealth", "ehr", "coordinator", "billing", "epic", "scrum",
      "nursing", "hipaa", "telemedicine", "informatics", "pmp", "medicare", "medicaid", "pharmacy", "coding", "triage",
      "cerner", "fhir", "interoperability", "rpm"};
  private static final int VOCABULARY = 2970;
  private static final String[] COUNTRIES = {"US", "IN", "GB", "CA", "AU", "DE"};
  private static final double[] COUNTRY_W = {.40, .25, .12, .10, .07, .06};
  private static final Tier[] TIERS = {Tier.CORE, Tier.ADJACENT, Tier.PATHWAY};
  private static final Level[] LEVELS = {Level.ENTRY, Level.MID, Level.SENIOR, Level.LEAD};
  private static final WorkMode[] MODES = {WorkMode.REMOTE, WorkMode.HYBRID, WorkMode.ONSITE};
  private final double[] zipfCdf = new double[VOCABULARY];

  public SubscriptionModel() {
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1.0 / (i + 1);
      zipfCdf[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      zipfCdf[i] /= sum;
    }
  }

  private String generalWord(Random r) {
    double u = r.nextDouble();
    int lo = 0;
    int hi = VOCABULARY - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipfCdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return "w" + lo;
  }

  private static int pick(Random r, double[] weights) {
    double u = r.nextDouble();
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (u < acc) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** {@code n} jobs as the facts subscriptions are matched against. */
  public List<JobFacts> jobs(int n, long seed) {
    Random r = new Random(seed);
    List<JobFacts> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Tier tier = TIERS[pick(r, new double[] {.5, .3, .2})];
      Level level = LEVELS[pick(r, new double[] {.25, .40, .25, .10})];
      String country = COUNTRIES[pick(r, COUNTRY_W)];
      WorkMode mode = MODES[pick(r, new double[] {.35, .35, .30})];
      String currency = null;
      BigDecimal pay = null;
      if (r.nextDouble() >= 0.40) {
        if (country.equals("IN")) {
          currency = "INR";
          pay = BigDecimal.valueOf(300_000L + (long) (r.nextDouble() * 3_700_000L));
        } else {
          currency = "USD";
          pay = BigDecimal.valueOf(50_000L + (long) (r.nextDouble() * 200_000L));
        }
      }
      Set<String> words = new HashSet<>();
      int tokens = 140 + r.nextInt(21);
      for (int d = 0; d < DOMAIN.length; d++) {
        double chance = 0.35 - (0.35 - 0.02) * d / (DOMAIN.length - 1);
        if (r.nextDouble() < chance) {
          words.add(DOMAIN[d]);
          tokens -= 1 + r.nextInt(3);
        }
      }
      for (int t = 0; t < tokens; t++) {
        words.add(generalWord(r));
      }
      out.add(new JobFacts(tier, level, country, mode, currency, pay, "company-" + r.nextInt(2000), words));
    }
    return out;
  }

  /** {@code n} subscriptions; the first 100k of 1M are the 100k set, as the model says. */
  public List<MatchIndex.Entry> subscriptions(int n, long seed) {
    Random r = new Random(seed);
    List<MatchIndex.Entry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<Tier> tiers;
      double t = r.nextDouble();
      if (t < .45) {
        tiers = Set.of(Tier.CORE);
      } else if (t < .80) {
        tiers = Set.of(Tier.CORE, Tier.ADJACENT);
      } else if (t < .88) {
        tiers = Set.of(Tier.CORE, Tier.ADJACENT, Tier.PATHWAY);
      } else {
        List<Set<Tier>> other = List.of(Set.of(Tier.ADJACENT), Set.of(Tier.PATHWAY), Set.of(Tier.ADJACENT, Tier.PATHWAY),
            Set.of(Tier.CORE, Tier.PATHWAY));
        tiers = other.get(r.nextInt(other.size()));
      }
      Set<Level> levels = new LinkedHashSet<>();
      if (r.nextBoolean()) {
        int l = r.nextInt(LEVELS.length);
        levels.add(LEVELS[l]);
        if (r.nextBoolean() && l + 1 < LEVELS.length) {
          levels.add(LEVELS[l + 1]);
        }
      }
      Set<String> countries = new LinkedHashSet<>();
      if (r.nextDouble() < .70) {
        int k = 1 + r.nextInt(3);
        while (countries.size() < k) {
          countries.add(COUNTRIES[pick(r, COUNTRY_W)]);
        }
      }
      Set<WorkMode> modes = new LinkedHashSet<>();
      if (r.nextDouble() < .40) {
        int k = 1 + r.nextInt(2);
        while (modes.size() < k) {
          modes.add(MODES[r.nextInt(MODES.length)]);
        }
      }
      BigDecimal min = null;
      String currency = null;
      if (r.nextDouble() < .30) {
        if (r.nextDouble() < .75) {
          currency = "USD";
          min = BigDecimal.valueOf(60_000L + (long) (r.nextDouble() * 140_000L));
        } else {
          currency = "INR";
          min = BigDecimal.valueOf(400_000L + (long) (r.nextDouble() * 2_600_000L));
        }
      }
      Set<String> include = new LinkedHashSet<>();
      if (r.nextBoolean()) {
        int k = 1 + r.nextInt(3);
        while (include.size() < k) {
          include.add(r.nextDouble() < .85 ? DOMAIN[r.nextInt(DOMAIN.length)] : generalWord(r));
        }
      }
      Set<String> exclude = new LinkedHashSet<>();
      if (r.nextDouble() < .20) {
        int k = 1 + r.nextInt(2);
        while (exclude.size() < k) {
          exclude.add(r.nextDouble() < .5 ? DOMAIN[r.nextInt(DOMAIN.length)] : generalWord(r));
        }
      }
      Set<String> companies = new LinkedHashSet<>();
      if (r.nextDouble() < .05) {
        int k = 1 + r.nextInt(3);
        while (companies.size() < k) {
          companies.add("company-" + r.nextInt(2000));
        }
      }
      out.add(new MatchIndex.Entry("sub-" + i,
          new Criteria(tiers, levels, countries, modes, min, currency, include, exclude, companies)));
    }
    return out;
  }
}
