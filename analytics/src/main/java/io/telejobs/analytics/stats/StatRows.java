package io.telejobs.analytics.stats;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.MarketStat;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The rows a matched job counts in. A row key is {@code kind|day|dimensions}, readable and ordered so
 * that one day's rows are one key range.
 */
public final class StatRows {
  private static final String SEP = "|";

  private StatRows() {}

  /** The day a job belongs to: the day it was posted, or the day it was tagged. */
  public static LocalDate day(MatchedJob job) {
    LocalDate posted = job.datePosted();
    return posted != null ? posted : LocalDate.ofInstant(job.taggedAt(), ZoneOffset.UTC);
  }

  /** {@code count|day|tier|level|band|country|workMode}. */
  public static String countKey(MatchedJob job) {
    NormalizedSalary s = job.salary();
    return String.join(SEP, "count", day(job).toString(), name(job.tier()), name(job.level()),
        s == null || s.band() == null ? "" : name(s.band()), job.country() == null ? "" : job.country(),
        name(job.workMode()));
  }

  /** {@code salary|day|level|currency}, or null when the job's pay is unknown. */
  public static String salaryKey(MatchedJob job) {
    NormalizedSalary s = job.salary();
    if (annualMidpoint(s) == null) {
      return null;
    }
    return String.join(SEP, "salary", day(job).toString(), name(job.level()), s.currency());
  }

  /** The midpoint of the annual range, or the one known bound; null when unknown. */
  public static Long annualMidpoint(NormalizedSalary s) {
    if (s == null || (s.annualMin() == null && s.annualMax() == null)) {
      return null;
    }
    BigDecimal lo = s.annualMin() != null ? s.annualMin() : s.annualMax();
    BigDecimal hi = s.annualMax() != null ? s.annualMax() : s.annualMin();
    return lo.add(hi).divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The day prefix of every row of one kind on one day, for range queries. */
  public static String prefix(MarketStat.Kind kind, LocalDate day) {
    return name(kind) + SEP + day + SEP;
  }

  /** The count row for a key and a count. */
  public static MarketStat countRow(String key, long count) {
    String[] f = key.split("\\|", -1);
    return new MarketStat(MarketStat.SCHEMA_VERSION, MarketStat.Kind.COUNT, LocalDate.parse(f[1]), tier(f[2]),
        level(f[3]), f[4].isEmpty() ? null : level(f[4]), f[5].isEmpty() ? null : f[5],
        WorkMode.valueOf(f[6].toUpperCase(Locale.ROOT)), null, count, null, null, null, null);
  }

  /** The salary row for a key and its sample. */
  public static MarketStat salaryRow(String key, SalarySample sample) {
    String[] f = key.split("\\|", -1);
    return new MarketStat(MarketStat.SCHEMA_VERSION, MarketStat.Kind.SALARY, LocalDate.parse(f[1]), null,
        level(f[2]), null, null, null, f[3], sample.size(), sample.percentile(25), sample.percentile(50),
        sample.percentile(75), sample.percentile(90));
  }

  private static Tier tier(String s) {
    return Tier.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private static Level level(String s) {
    return Level.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
