package io.telejobs.matcher.salary;

import java.math.BigDecimal;
import java.util.Locale;

/** A pay period and the one place where it is annualised: 2080 hours, 260 days, 52 weeks, 12 months. */
public enum Period {
  HOUR(2080),
  DAY(260),
  WEEK(52),
  MONTH(12),
  YEAR(1);

  private final BigDecimal perYear;

  Period(int perYear) {
    this.perYear = BigDecimal.valueOf(perYear);
  }

  /** The annual amount of {@code amount} paid per this period. */
  public BigDecimal annualise(BigDecimal amount) {
    return amount == null ? null : amount.multiply(perYear);
  }

  /** schema.org unitText or a period word ("hourly", "per month", "p.a."), or null when unknown. */
  public static Period parse(String word) {
    if (word == null) {
      return null;
    }
    String w = word.strip().toLowerCase(Locale.ROOT).replace(".", "");
    return switch (w) {
      case "hour", "hours", "hourly", "hr", "hrs", "h", "ph", "per hour" -> HOUR;
      case "day", "days", "daily", "per day", "pd" -> DAY;
      case "week", "weeks", "weekly", "wk", "pw", "per week" -> WEEK;
      case "month", "months", "monthly", "mo", "mth", "pm", "per month" -> MONTH;
      case "year", "years", "yearly", "annual", "annually", "annum", "yr", "pa", "per annum", "per year",
          "ann", "lpa" -> YEAR;
      default -> null;
    };
  }
}
