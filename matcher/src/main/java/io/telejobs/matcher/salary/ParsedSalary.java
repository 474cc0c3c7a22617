package io.telejobs.matcher.salary;

import java.math.BigDecimal;

/**
 * Pay read from text or structured data, in its own period.
 *
 * @param currency ISO 4217 code
 * @param period the period the amounts are paid per
 * @param min lower bound, or null for "up to"
 * @param max upper bound, or null for "from"
 * @param assumption what was assumed, or null
 */
public record ParsedSalary(String currency, Period period, BigDecimal min, BigDecimal max, String assumption) {
  public ParsedSalary {
    if (currency == null || period == null || (min == null && max == null)) {
      throw new IllegalArgumentException("a parsed salary needs a currency, a period and an amount");
    }
    if (outOfRange(min) || outOfRange(max)) {
      throw new IllegalArgumentException("an amount with more than 15 digits before or after the point is not pay");
    }
    min = plain(min);
    max = plain(max);
  }

  /**
   * True for amounts no pay is written with: 10^15 or more, or more than 15 decimals. Checked before any
   * arithmetic, since 1E+999999999 is cheap to write and costly to expand.
   */
  static boolean outOfRange(BigDecimal v) {
    return v != null && (v.precision() - v.scale() > 15 || v.scale() > 15);
  }

  /** 95000.00 and 9.5E+4 both become 95000, so that equal amounts compare and print alike. */
  static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * The salary written out so that {@link SalaryParser} reads it back as this same salary: "USD 120000 -
   * 140000 a year", "INR from 1500000 a year", "USD up to 65 an hour".
   */
  public String text() {
    String per = switch (period) {
      case HOUR -> "an hour";
      case DAY -> "a day";
      case WEEK -> "a week";
      case MONTH -> "a month";
      case YEAR -> "a year";
    };
    String amount = min == null ? "up to " + max.toPlainString()
        : max == null ? "from " + min.toPlainString()
        : min.compareTo(max) == 0 ? min.toPlainString()
        : min.toPlainString() + " - " + max.toPlainString();
    return currency + " " + amount + " " + per;
  }
}
