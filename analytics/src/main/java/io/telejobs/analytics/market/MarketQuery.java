package io.telejobs.analytics.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One question to the market statistics: a date range, the interval to group it by, and filters on every
 * dimension (empty: any). Built from request parameters by {@link #parse}, which answers mistakes in words.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param interval day, week (Monday to Sunday) or month
 */
public record MarketQuery(LocalDate from, LocalDate to, Interval interval, Set<String> tiers, Set<String> levels,
    Set<String> bands, Set<String> countries, Set<String> workModes, Set<String> currencies, Set<String> companies, Set<String> skills,
    Set<String> certifications, Set<String> industries) {

  /** How days are grouped. */
  public enum Interval {
    DAY, WEEK, MONTH;

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
      };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate periodStart) {
      return switch (this) {
        case DAY -> periodStart.plusDays(1);
        case WEEK -> periodStart.plusWeeks(1);
        case MONTH -> periodStart.plusMonths(1);
      };
    }
  }

  /** The longest range one question may cover. */
  public static final int MAX_DAYS = 3 * 366;
  /** The most values one filter may list. */
  public static final int MAX_VALUES = 50;

  /** A question, or the problems with the parameters, in words. */
  public record Parsed(MarketQuery query, List<String> problems) {}

  /**
   * Reads a question from request parameters: {@code from}, {@code to} (ISO dates; default the 90 days to
   * {@code today}), {@code interval} (day, week, month; default day), and comma-separated filters
   * {@code tier, level, band, country, workMode, currency, company, skill, certification, industry}.
   */
  public static Parsed parse(Map<String, String> params, LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate to = date(params.get("to"), "to", today, problems);
    LocalDate from = date(params.get("from"), "from", to.minusDays(89), problems);
    if (from.isAfter(to)) {
      problems.add("'from' (" + from + ") is after 'to' (" + to + ")");
    } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
      problems.add("a range may cover at most " + MAX_DAYS + " days; ask for a shorter one");
    }
    Interval interval = Interval.DAY;
    String i = params.get("interval");
    if (i != null && !i.isBlank()) {
      try {
        interval = Interval.valueOf(i.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("'interval' must be day, week or month, not '" + cut(i) + "'");
      }
    }
    Function<String, Set<String>> set = name -> values(params.get(name), name, problems);
    Set<String> countries = new LinkedHashSet<>();
    set.apply("country").forEach(c -> countries.add(c.toUpperCase(Locale.ROOT)));
    Set<String> currencies = new LinkedHashSet<>();
    set.apply("currency").forEach(c -> currencies.add(c.toUpperCase(Locale.ROOT)));
    MarketQuery q = new MarketQuery(from, to, interval, lower(set.apply("tier")), lower(set.apply("level")),
        lower(set.apply("band")), countries,
        lower(set.apply("workMode")), currencies, lower(set.apply("company")), lower(set.apply("skill")),
        lower(set.apply("certification")), lower(set.apply("industry")));
    return new Parsed(problems.isEmpty() ? q : null, List.copyOf(problems));
  }

  /** Whether a job passes every filter (dates are not filters: they are the axes). */
  public boolean admits(JobFact j) {
    return in(tiers, j.tier()) && in(levels, j.level()) && in(bands, j.band()) && in(countries, j.country()) && in(workModes, j.workMode())
        && in(currencies, j.currency()) && in(companies, j.company() == null ? null : j.company().toLowerCase(Locale.ROOT))
        && any(skills, j.skills()) && any(certifications, j.certifications()) && any(industries, j.industries());
  }

  private static boolean in(Set<String> wanted, String value) {
    return wanted.isEmpty() || (value != null && wanted.contains(value));
  }

  private static boolean any(Set<String> wanted, List<String> values) {
    return wanted.isEmpty() || values.stream().anyMatch(wanted::contains);
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new LinkedHashSet<>();
    s.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static LocalDate date(String s, String name, LocalDate fallback, List<String> problems) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      problems.add("'" + name + "' must be a date such as 2026-11-25, not '" + cut(s) + "'");
      return fallback;
    }
  }

  private static Set<String> values(String s, String name, List<String> problems) {
    Set<String> out = new LinkedHashSet<>();
    if (s == null || s.isBlank()) {
      return out;
    }
    for (String v : s.split(",")) {
      String t = v.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.length() > 100) {
        problems.add("a '" + name + "' value may be at most 100 characters");
        continue;
      }
      out.add(t);
    }
    if (out.size() > MAX_VALUES) {
      problems.add("'" + name + "' may list at most " + MAX_VALUES + " values");
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
